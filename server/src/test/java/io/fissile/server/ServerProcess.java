package io.fissile.server;

import io.fissile.cli.CliContext;
import io.fissile.cli.FissileCli;
import io.fissile.client.ControllerClient;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code fissile server} in its own JVM, on free ports, for tests that need a server they
 * can kill. Its output is kept for failure messages.
 */
public final class ServerProcess implements AutoCloseable {
    /** The line the server prints once everything listens. */
    private static final Pattern READY = Pattern.compile("router at (http://\\S+) .*controller API at (http://\\S+)");

    private final Process process;
    private final URI routerUrl;
    private final URI apiUrl;
    private final List<String> output;

    private ServerProcess(Process process, URI[] urls, List<String> output) {
        this.process = process;
        this.routerUrl = urls[0];
        this.apiUrl = urls[1];
        this.output = output;
    }

    /** Starts a server on {@code dataDirectory}, on free ports, and returns once it listens. */
    public static ServerProcess start(Path dataDirectory, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(serverArguments(dataDirectory));
        command.addAll(List.of(extraArgs));
        return launch(new ProcessBuilder(command));
    }

    /** The arguments of {@code fissile server} on a data directory, with free ports. */
    public static List<String> serverArguments(Path dataDirectory) {
        return List.of("server", "--data-dir", dataDirectory.toString(), "--api-port", "0", "--port", "0");
    }

    /** Runs a command that starts a server (e.g. the {@code ./fissile} launcher) and returns once it listens. */
    public static ServerProcess launch(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<URI[]> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = READY.matcher(line);
                    if (m.find()) ready.complete(new URI[]{URI.create(m.group(1)), URI.create(m.group(2))});
                }
            } catch (IOException ignored) {
                // the process ended
            }
            ready.completeExceptionally(new IllegalStateException("server exited before it was ready:\n" + String.join("\n", output)));
        });
        try {
            return new ServerProcess(process, ready.get(180, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not start: " + e.getMessage() + "\n" + String.join("\n", output), e);
        }
    }

    public URI apiUrl() {
        return apiUrl;
    }

    public URI routerUrl() {
        return routerUrl;
    }

    /**
     * The value of one series in this server's {@code /metrics}, matched by name and, where given, one
     * label written as {@code name="value"}; empty when the scrape does not have it.
     */
    public OptionalDouble metric(String series, String label) throws IOException, InterruptedException {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(apiUrl.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String labels = label == null ? "(\\{[^}]*})?" : "\\{[^}]*" + Pattern.quote(label) + "[^}]*}";
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + labels + " (\\S+)$").matcher(text);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(m.groupCount()))) : OptionalDouble.empty();
    }

    public ControllerClient client() {
        return new ControllerClient(apiUrl);
    }

    /** What one {@code fissile} command printed, and its exit code. */
    public record CliResult(int exitCode, String out, String err) {
    }

    /** Runs one {@code fissile} command against this server, in-process, from {@code workingDirectory}. */
    public CliResult cli(Path workingDirectory, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(Map.of("FISSILE_URL", apiUrl.toString(),
                "FISSILE_ROUTER_URL", routerUrl.toString()), workingDirectory, out, err);
        int code = FissileCli.commandLine(context).execute(args);
        return new CliResult(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As {@link #cli}, failing the test (with what it printed) unless the command succeeds; returns its output. */
    public String cliOk(Path workingDirectory, String... args) {
        CliResult result = cli(workingDirectory, args);
        if (result.exitCode() != 0) {
            throw new AssertionError("fissile " + String.join(" ", args) + " exited with " + result.exitCode()
                    + "\n" + result.out() + result.err());
        }
        return result.out();
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
