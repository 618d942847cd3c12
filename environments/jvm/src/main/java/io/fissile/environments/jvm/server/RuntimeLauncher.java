package io.fissile.environments.jvm.server;

import io.fissile.environments.jvm.http.HttpServer;
import java.io.IOException;
import java.util.function.Function;

/** Starts a runtime process: settings from the environment, standard streams, then the server. */
public final class RuntimeLauncher {

    private RuntimeLauncher() {
    }

    /**
     * Serves the environment contract with the given language-specific part until the process
     * ends (SIGTERM ends it like any JVM). Exits with status 1 when the address cannot be bound.
     */
    public static void run(String runtimeName, Function<RuntimeSettings, Specializer> specializers) {
        StandardStreams.useUtf8Lines();
        RuntimeSettings settings;
        try {
            settings = RuntimeSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        Specializer specializer = specializers.apply(settings);
        Warmup.run(specializer, settings);
        try {
            HttpServer server = HttpServer.start(settings.address(), new RuntimeServer(specializer, settings));
            System.out.println("fissile " + runtimeName + " runtime listening on "
                    + settings.host() + ":" + server.port());
        } catch (IOException e) {
            System.err.println("cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
