package io.fissile.bench.platform;

import io.fissile.client.ControllerClient;

import java.net.URI;
import java.nio.file.Path;

/**
 * A running Fissile server and the means to use it: the CLI, the controller's API, its instances
 * on disk and the bench functions.
 */
public record Platform(FissileServerProcess server, Cli cli, ControllerClient controller, InstanceDirectories instances,
                       BenchFunctions functions, TimedGet http) {

    public static Platform on(FissileServerProcess server, Path workDirectory, Path serverLib) {
        return new Platform(server, new Cli(server.apiUrl(), server.routerUrl(), workDirectory),
                new ControllerClient(server.apiUrl()), new InstanceDirectories(server.dataDirectory()),
                new BenchFunctions(workDirectory.resolve("functions"), serverLib), new TimedGet());
    }

    /** A URL of the router, e.g. {@code /fission-function/hello}. */
    public URI router(String path) {
        return server.routerUrl().resolve(path);
    }

    public InstanceLocator locator() {
        return new InstanceLocator(controller, instances);
    }
}
