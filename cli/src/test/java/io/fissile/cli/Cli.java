package io.fissile.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code fissile} in this process against a server, in a working directory, capturing what it prints. */
final class Cli {
    private final Map<String, String> environment;
    private final Path workingDirectory;

    Cli(String serverUrl, Path workingDirectory) {
        this(Map.of("FISSILE_URL", serverUrl), workingDirectory);
    }

    Cli(FissileServer server, Path workingDirectory) {
        this(server.url(), workingDirectory);
    }

    private Cli(Map<String, String> environment, Path workingDirectory) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
    }

    /** The same CLI with one more environment variable. */
    Cli withEnvironment(String name, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(name, value);
        return new Cli(more, workingDirectory);
    }

    Run run(String... args) {
        return execute(args, new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    /** Starts a command on a thread of its own, for one that runs until stopped, such as {@code fn logs -f}. */
    Running start(String... args) {
        return new Running(args);
    }

    /** Runs a command that must succeed, and returns what it printed. */
    String ok(String... args) {
        Run run = run(args);
        assertThat(run.exitCode()).as("exit code of %s; stderr: %s", String.join(" ", args), run.err()).isZero();
        return run.out();
    }

    private Run execute(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        CliContext context = new CliContext(environment, workingDirectory, out, err);
        int exitCode = FissileCli.commandLine(context).execute(args);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    /** What one run printed and how it ended. */
    record Run(int exitCode, String out, String err, byte[] outBytes) {
    }

    /** A command under way: what it has printed so far, and the way to stop it. */
    final class Running {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final AtomicReference<Run> result = new AtomicReference<>();
        private final Thread thread;

        private Running(String[] args) {
            thread = Thread.ofPlatform().name("fissile " + String.join(" ", args)).start(
                    () -> result.set(execute(args, out, err)));
        }

        /** Standard output so far. */
        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        /** Interrupts the command (as a program embedding the CLI stops it) and waits for it to end. */
        Run stop() {
            thread.interrupt();
            return finish();
        }

        /** Waits for the command to end by itself. */
        Run finish() {
            try {
                assertThat(thread.join(Duration.ofSeconds(60))).as("the command ended").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return result.get();
        }
    }
}
