package io.fissile.server;

import io.fissile.client.ControllerClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code fissile server} in its own JVM, on free ports, for tests that need a server they
 * can kill. Its output is kept for failure messages.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("controller API at (http://\\S+)");

    private final Process process;
    private final URI apiUrl;
    private final List<String> output;

    private ServerProcess(Process process, URI apiUrl, List<String> output) {
        this.process = process;
        this.apiUrl = apiUrl;
        this.output = output;
    }

    /** Starts a server on {@code dataDirectory} and returns once its API answers. */
    public static ServerProcess start(Path dataDirectory, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "server", "--data-dir", dataDirectory.toString(),
                "--api-port", "0", "--port", "0"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = READY.matcher(line);
                    if (m.find()) ready.complete(URI.create(m.group(1)));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("server exited before it was ready:\n" + String.join("\n", output)));
        });
        try {
            return new ServerProcess(process, ready.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start: " + e.getMessage() + "\n" + String.join("\n", output), e);
        }
    }

    public URI apiUrl() {
        return apiUrl;
    }

    public ControllerClient client() {
        return new ControllerClient(apiUrl);
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Stops the server as Ctrl-C would and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
