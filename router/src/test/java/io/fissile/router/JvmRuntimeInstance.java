package io.fissile.router;

import io.fissile.environments.jvm.JvmRuntime;
import io.fissile.function.Function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A real jvm-environment runtime, started as its own process on a free loopback port and
 * specialized with a function jar, as the executor would. Closing it kills the process.
 */
final class JvmRuntimeInstance implements UpstreamInstance {
    private final ListeningProcess process;

    private JvmRuntimeInstance(ListeningProcess process) {
        this.process = process;
    }

    static JvmRuntimeInstance start(Path functionJar, String className, Path workDir) {
        try {
            Path userfunc = Files.createDirectories(workDir.resolve("userfunc"));
            String classPath = JavaFunctionJar.codeSource(JvmRuntime.class) + ":" + JavaFunctionJar.codeSource(Function.class);
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                    "-Xmx1g", "-XX:+UseSerialGC", "-cp", classPath, JvmRuntime.class.getName());
            builder.environment().put("HOST", "127.0.0.1");
            builder.environment().put("PORT", "0");
            builder.environment().put("USERFUNC_DIR", userfunc.toString());
            JvmRuntimeInstance instance = new JvmRuntimeInstance(ListeningProcess.start(builder));
            try {
                instance.specialize(functionJar, className);
            } catch (RuntimeException | IOException | InterruptedException e) {
                instance.close();
                throw e;
            }
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void specialize(Path jar, String className) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address().getPort() + "/v2/specialize"))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"filepath\": \"" + jar + "\", \"functionName\": \"" + className + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) throw new IllegalStateException("specialization failed: " + answer.body());
        }
    }

    @Override
    public InetSocketAddress address() {
        return process.address();
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return process.exited();
    }

    @Override
    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
