package io.fissile.environments.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Skips a test, naming the package to install, when the interpreter a runtime needs is missing. */
public final class Interpreters {
    private static final ConcurrentHashMap<List<String>, Boolean> RUNS = new ConcurrentHashMap<>();

    private Interpreters() {}

    public static void assumeInstalled(String executable, String debianPackage) {
        assumeTrue(succeeds(List.of(executable, "--version")),
                executable + " is not installed: install the Debian package " + debianPackage);
    }

    /** Whether the command runs and exits 0 (remembered, as it does not change during a test run). */
    public static boolean succeeds(List<String> command) {
        return RUNS.computeIfAbsent(command, Interpreters::run);
    }

    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
