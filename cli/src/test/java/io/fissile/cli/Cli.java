package io.fissile.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code fissile} in this process against a server, in a working directory, capturing what it prints. */
final class Cli {
    private final String serverUrl;
    private final Path workingDirectory;

    Cli(String serverUrl, Path workingDirectory) {
        this.serverUrl = serverUrl;
        this.workingDirectory = workingDirectory;
    }

    Cli(FissileServer server, Path workingDirectory) {
        this(server.url(), workingDirectory);
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(Map.of("FISSILE_URL", serverUrl), workingDirectory, out, err);
        int exitCode = FissileCli.commandLine(context).execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    /** Runs a command that must succeed, and returns what it printed. */
    String ok(String... args) {
        Run run = run(args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", String.join(" ", args), run.err()).isZero();
        return run.out();
    }

    /** What one run printed and how it ended. */
    record Run(int exitCode, String out, String err, byte[] outBytes) {
    }
}
