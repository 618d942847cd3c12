package io.fissile.router;

import io.fissile.environments.jvm.JvmRuntime;
import io.fissile.function.Function;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real jvm-environment runtime, started as its own process on a free loopback port and
 * specialized with a function jar, as the executor would. Closing it kills the process.
 */
final class JvmRuntimeInstance implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on [^\\s:]+:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final InetSocketAddress address;

    private JvmRuntimeInstance(Process process) {
        this.process = process;
        CompletableFuture<Integer> port = new CompletableFuture<>();
        drain(process, port);
        try {
            this.address = new InetSocketAddress("127.0.0.1", port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the jvm runtime did not start: " + output, e);
        }
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
            builder.redirectErrorStream(true);
            JvmRuntimeInstance instance = new JvmRuntimeInstance(builder.start());
            instance.specialize(functionJar, className);
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
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + "/v2/specialize"))
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"filepath\": \"" + jar + "\", \"functionName\": \"" + className + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) throw new IllegalStateException("specialization failed: " + answer.body());
        }
    }

    InetSocketAddress address() {
        return address;
    }

    /** Completes with the exit status when the process ends. */
    CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    String output() {
        return output.toString();
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

    private void drain(Process started, CompletableFuture<Integer> port) {
        Thread.ofPlatform().daemon().name("jvm-runtime-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) port.complete(Integer.parseInt(listening.group(1)));
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("the runtime ended: " + output));
        });
    }
}
