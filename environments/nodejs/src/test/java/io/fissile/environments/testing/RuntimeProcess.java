package io.fissile.environments.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One environment runtime running as an OS process on a free loopback port, started the way Fissile's
 * process runtime starts it: its files extracted to a directory, the variables of docs/environments.md
 * set, and its own working directory.
 */
public final class RuntimeProcess implements AutoCloseable {
    /** Generous: the machine running the tests may be busy. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final String HOST = "127.0.0.1";

    private final Process process;
    private final int port;
    private final Path userfuncDir;
    private final CapturedOutput stdout;
    private final CapturedOutput stderr;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private RuntimeProcess(Process process, int port, Path userfuncDir) {
        this.process = process;
        this.port = port;
        this.userfuncDir = userfuncDir;
        this.stdout = new CapturedOutput(process.getInputStream(), "runtime-stdout");
        this.stderr = new CapturedOutput(process.getErrorStream(), "runtime-stderr");
    }

    /**
     * Extracts the runtime in {@code resourceDirectory} to {@code workDir/runtime} and runs
     * {@code interpreter... workDir/runtime/serverFile} in {@code workDir/instance}; returns once it accepts
     * connections.
     */
    public static RuntimeProcess start(String resourceDirectory, String serverFile, Path workDir, List<String> interpreter) {
        try {
            Path runtime = RuntimeFiles.extract(resourceDirectory, workDir.resolve("runtime"));
            Path instance = Files.createDirectories(workDir.resolve("instance"));
            Path userfunc = Files.createDirectories(workDir.resolve("userfunc"));
            int port = freePort();
            List<String> command = new ArrayList<>(interpreter);
            command.add(runtime.resolve(serverFile).toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(instance.toFile());
            builder.environment().put("HOST", HOST);
            builder.environment().put("PORT", Integer.toString(port));
            builder.environment().put("USERFUNC_DIR", userfunc.toString());
            builder.environment().put("SECRETS_DIR", Files.createDirectories(workDir.resolve("secrets")).toString());
            builder.environment().put("CONFIGS_DIR", Files.createDirectories(workDir.resolve("configs")).toString());
            RuntimeProcess runtimeProcess = new RuntimeProcess(builder.start(), port, userfunc);
            runtimeProcess.awaitListening();
            return runtimeProcess;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path userfuncDir() {
        return userfuncDir;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://" + HOST + ":" + port + pathAndQuery);
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, BodyHandler<T> bodyHandler) {
        try {
            return http.send(request.build(), bodyHandler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery));
    }

    /** POST /v2/specialize with the file or directory and the entrypoint. */
    public HttpResponse<String> specialize(Path filepath, String functionName) {
        return specializeWith("{\"filepath\": " + jsonString(filepath.toString())
                + ", \"functionName\": " + jsonString(functionName) + ", \"url\": \"\"}");
    }

    /** POST /v2/specialize with the file or directory, the entrypoint and the function's own environment variables. */
    public HttpResponse<String> specialize(Path filepath, String functionName, Map<String, String> env) {
        String variables = env.entrySet().stream()
                .map(variable -> jsonString(variable.getKey()) + ": " + jsonString(variable.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return specializeWith("{\"filepath\": " + jsonString(filepath.toString())
                + ", \"functionName\": " + jsonString(functionName) + ", \"env\": " + variables + "}");
    }

    /** POST /v2/specialize with this body, as it is. */
    public HttpResponse<String> specializeWith(String json) {
        return send(request("/v2/specialize")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POST /specialize: the code is at $USERFUNC_DIR/user. */
    public HttpResponse<String> specializeV1() {
        return send(request("/specialize").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public String stdout() {
        return stdout.text();
    }

    public String stderr() {
        return stderr.text();
    }

    public void awaitStdout(String text) {
        await().atMost(TIMEOUT).until(() -> stdout().contains(text));
    }

    public void awaitStderr(String text) {
        await().atMost(TIMEOUT).until(() -> stderr().contains(text));
    }

    /** Sends SIGTERM and returns the exit code. */
    public int terminate() {
        process.destroy();
        return awaitExit();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        http.shutdownNow();
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("the runtime did not exit within " + TIMEOUT);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(25)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the runtime exited with " + process.exitValue()
                        + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            }
            return accepts(port);
        });
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Everything a stream of the process says, kept as it arrives. */
    private static final class CapturedOutput {
        private final StringBuilder text = new StringBuilder();

        CapturedOutput(InputStream stream, String name) {
            Thread reader = new Thread(() -> copy(stream), name);
            reader.setDaemon(true);
            reader.start();
        }

        private void copy(InputStream stream) {
            char[] buffer = new char[4096];
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                for (int read; (read = reader.read(buffer)) >= 0; ) {
                    synchronized (text) {
                        text.append(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                // The process is gone; what it said is kept.
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
