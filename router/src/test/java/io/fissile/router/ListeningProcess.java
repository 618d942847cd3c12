package io.fissile.router;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process that says, on a line of its output, {@code listening on <host>:<port>}: started,
 * its output collected, and ready once that line appears. Closing it kills the process.
 */
final class ListeningProcess implements UpstreamInstance {
    private static final Pattern LISTENING = Pattern.compile("listening on [^\\s:]+:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final InetSocketAddress address;

    private ListeningProcess(Process process) {
        this.process = process;
        CompletableFuture<Integer> port = new CompletableFuture<>();
        drain(port);
        try {
            this.address = new InetSocketAddress("127.0.0.1", port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the process did not start listening: " + output, e);
        }
    }

    /** Starts the process (its error output joined to its output) and waits until it listens. */
    static ListeningProcess start(ProcessBuilder builder) {
        try {
            return new ListeningProcess(builder.redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    @Override
    public String output() {
        return output.toString();
    }

    /** Writes a line to the process's standard input. */
    void tell(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(CompletableFuture<Integer> port) {
        Thread.ofPlatform().daemon().name("child-process-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) port.complete(Integer.parseInt(listening.group(1)));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("the process ended: " + output));
        });
    }
}
