package io.fissile.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line runs against: the process environment (for {@code FISSILE_URL}), the
 * directory relative paths are resolved in, and where output goes. Tests and embedding programs
 * pass their own; {@link #system()} is the real process.
 *
 * @param environment      environment variables
 * @param workingDirectory the directory relative paths (code files, spec directories) are resolved in
 * @param stdout           standard output; also receives raw archive bytes
 * @param stderr           standard error
 */
public record CliContext(Map<String, String> environment, Path workingDirectory, OutputStream stdout, OutputStream stderr) {
    public CliContext {
        environment = Map.copyOf(environment);
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(stdout);
        Objects.requireNonNull(stderr);
    }

    /** This process: its environment, its current directory, System.out and System.err. */
    public static CliContext system() {
        return new CliContext(System.getenv(), Path.of(""), System.out, System.err);
    }
}
