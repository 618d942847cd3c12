package io.fissile.environments.jvm;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime started as a real OS process with the test's own java, on a free loopback port, and
 * an HTTP client for it. Closing it sends SIGTERM, as Fissile does.
 */
public final class RuntimeProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on [^\\s:]+:(\\d+)");
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    private final int port;

    private RuntimeProcess(Process process) {
        this.process = process;
        capture(process.getInputStream(), stdout);
        capture(process.getErrorStream(), stderr);
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(20))
                    .until(() -> LISTENING.matcher(stdout).find() || !process.isAlive());
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        Matcher listening = LISTENING.matcher(stdout);
        if (!listening.find()) {
            throw new IllegalStateException("runtime did not start: " + stdout + stderr);
        }
        this.port = Integer.parseInt(listening.group(1));
    }

    /** Starts {@code mainClass} with the classes of {@code classPathOf} (their jars or class directories). */
    public static Builder of(Class<?> mainClass, Class<?>... classPathOf) {
        return new Builder(mainClass, classPathOf);
    }

    public int port() {
        return port;
    }

    public URI uri(String pathAndQuery) {
        try {
            return new URI("http://127.0.0.1:" + port + pathAndQuery);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public HttpClient client() {
        return client;
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    public HttpResponse<String> post(String pathAndQuery, String body) {
        return send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code POST /v2/specialize} with a filepath and functionName. */
    public HttpResponse<String> specialize(Path filepath, String functionName) {
        return post("/v2/specialize", "{\"filepath\": \"" + filepath + "\", \"functionName\": \""
                + functionName + "\", \"url\": \"/test\"}");
    }

    /** {@code POST /v2/specialize} with a filepath, functionName and the function's own environment variables. */
    public HttpResponse<String> specialize(Path filepath, String functionName, Map<String, String> env) {
        StringBuilder members = new StringBuilder();
        env.forEach((name, value) -> members.append(members.isEmpty() ? "" : ", ")
                .append(jsonString(name)).append(": ").append(jsonString(value)));
        return post("/v2/specialize", "{\"filepath\": " + jsonString(filepath.toString()) + ", \"functionName\": "
                + jsonString(functionName) + ", \"env\": {" + members + "}}");
    }

    public String stdout() {
        return stdout.toString();
    }

    public String stderr() {
        return stderr.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and returns the exit status; after 30 seconds the process is killed. */
    public int terminate() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the runtime", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate();
        }
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        text.chars().forEach(c -> json.append(c == '"' || c == '\\' ? "\\" + (char) c
                : c < 0x20 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return json.append('"').toString();
    }

    private static void capture(InputStream stream, StringBuffer into) {
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[8192];
            try (stream) {
                int read;
                while ((read = stream.read(buffer)) >= 0) {
                    into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    /** The command line and environment of a runtime process. */
    public static final class Builder {

        private final Class<?> mainClass;
        private final List<String> classPath = new ArrayList<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(Class<?> mainClass, Class<?>... classPathOf) {
            this.mainClass = mainClass;
            for (Class<?> type : classPathOf) {
                classPath(codeSource(type));
            }
            environment.put("HOST", "127.0.0.1");
            environment.put("PORT", "0");
        }

        public Builder classPath(Path entry) {
            classPath.add(entry.toString());
            return this;
        }

        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public RuntimeProcess start() {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElseThrow());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(String.join(":", classPath));
            command.add(mainClass.getName());
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            try {
                return new RuntimeProcess(builder.start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path codeSource(Class<?> type) {
            try {
                return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
