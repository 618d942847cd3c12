package io.fissile.bench.platform;

import io.fissile.bench.BenchFailure;
import io.fissile.cli.CliContext;
import io.fissile.cli.FissileCli;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code fissile} command line, run in this process against one server: functions are deployed
 * exactly as a user deploys them, without starting a JVM per command.
 */
public final class Cli {
    private final Map<String, String> environment;
    private final Path workingDirectory;

    public Cli(URI apiUrl, URI routerUrl, Path workingDirectory) {
        this.environment = Map.of("FISSILE_URL", apiUrl.toString(), "FISSILE_ROUTER_URL", routerUrl.toString());
        this.workingDirectory = workingDirectory;
    }

    /** Runs {@code fissile <args>}; returns what it printed, or fails with its error output. */
    public String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = FissileCli.commandLine(new CliContext(environment, workingDirectory, out, err)).execute(args);
        if (exit != 0) {
            throw new BenchFailure("fissile " + String.join(" ", args) + " failed (exit " + exit + "):\n"
                    + err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
