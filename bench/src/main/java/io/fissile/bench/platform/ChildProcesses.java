package io.fissile.bench.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * Every process the harness starts (server, nginx, wrk), stopped newest first on close. Each pid is
 * also appended to a file, so that bench/run can stop them by id if this JVM itself is killed.
 */
public final class ChildProcesses implements AutoCloseable {
    private static final long GRACE_SECONDS = 30;

    private final Path pidFile;
    private final Deque<Process> started = new ArrayDeque<>();

    public ChildProcesses(Path pidFile) {
        this.pidFile = pidFile;
    }

    public synchronized Process start(String name, ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        started.push(process);
        try {
            Files.writeString(pidFile, process.pid() + " " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            stop(process);
            throw new UncheckedIOException("cannot record the pid of " + name + " in " + pidFile, e);
        }
        return process;
    }

    /** Asks the process to end (SIGTERM, so that the server stops its instances), then kills it if it lingers. */
    public static void stop(Process process) {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) stop(started.pop());
    }
}
