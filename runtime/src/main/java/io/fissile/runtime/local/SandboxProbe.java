package io.fissile.runtime.local;

import io.fissile.runtime.local.LocalRuntimeOptions.SandboxMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chooses how instances are confined: bubblewrap when it is installed and a trial sandbox runs
 * (it may be installed yet refused namespaces, e.g. in a container), else plain processes.
 */
final class SandboxProbe {

    private static final long TRIAL_TIMEOUT_SECONDS = 10;

    /**
     * @param confinement what instances run in
     * @param note why they are not sandboxed, or empty
     */
    record Choice(Confinement confinement, String note) {
    }

    private SandboxProbe() {
    }

    static Choice choose(SandboxMode mode, Path baseDir) {
        Choice choice = mode == SandboxMode.OFF ? unsandboxed("the sandbox is turned off") : tryBubblewrap(baseDir);
        if (mode == SandboxMode.REQUIRED && !choice.confinement().sandboxed()) {
            throw new IllegalStateException("A sandbox is required, but " + choice.note());
        }
        return choice;
    }

    private static Choice tryBubblewrap(Path baseDir) {
        Optional<Executable> bwrap = Executable.find("bwrap");
        if (bwrap.isEmpty()) return unsandboxed("bubblewrap is not installed (Debian package bubblewrap)");
        try {
            Bubblewrap sandbox = new Bubblewrap(bwrap.get().path(), SystemView.ofHost(), baseDir);
            String failure = trial(sandbox.trialCommand());
            return failure == null ? new Choice(sandbox, "") : unsandboxed("bubblewrap does not work here: " + failure);
        } catch (IOException e) {
            return unsandboxed("bubblewrap could not be tried: " + e.getMessage());
        }
    }

    private static Choice unsandboxed(String why) {
        Optional<Path> setpriv = Executable.find("setpriv").map(Executable::path)
                .filter(path -> trial(List.of(path.toString(), "--pdeathsig", "KILL", "--", "true")) == null);
        return new Choice(new HostProcesses(setpriv), why);
    }

    /** Runs a command; null when it succeeds, else what went wrong. */
    private static String trial(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(TRIAL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "it did not finish within " + TRIAL_TIMEOUT_SECONDS + " s";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? null : "exit status " + process.exitValue() + (output.isEmpty() ? "" : ": " + output);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
