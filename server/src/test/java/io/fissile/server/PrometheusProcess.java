package io.fissile.server;

import io.fissile.api.Codec;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Prometheus server (Debian's {@code prometheus}) on 127.0.0.1, scraping one target every
 * second, with its configuration, its storage and its log in a directory of the test's.
 */
final class PrometheusProcess implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final URI url;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts scraping {@code metricsPath} of {@code target} (host:port) and returns once Prometheus is ready. */
    static PrometheusProcess start(Path directory, String target, String metricsPath) throws IOException {
        Path config = Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: fissile
                    metrics_path: %s
                    static_configs:
                      - targets: ['%s']
                """.formatted(metricsPath, target));
        int port = freePort();
        Path log = directory.resolve("prometheus.log");
        Process process = new ProcessBuilder(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(process, URI.create("http://127.0.0.1:" + port), log);
        try {
            await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(200)).until(prometheus::ready);
        } catch (RuntimeException e) {
            prometheus.close();
            throw new IllegalStateException("prometheus did not become ready:\n" + prometheus.log(), e);
        }
        return prometheus;
    }

    /**
     * The value of an instant query that gives one series (e.g. {@code sum(...)}), or empty when it
     * gives none (nothing scraped yet).
     */
    Optional<Double> query(String promql) throws IOException, InterruptedException {
        JsonNode result = Codec.fromJson(get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)),
                JsonNode.class).path("data").path("result");
        if (result.isEmpty()) return Optional.empty();
        return Optional.of(Double.parseDouble(result.get(0).path("value").get(1).asString()));
    }

    /** What Prometheus says of its targets (health, last error), for failure messages. */
    String targets() throws IOException, InterruptedException {
        return get("/api/v1/targets");
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        http.close();
    }

    private boolean ready() {
        if (!process.isAlive()) throw new IllegalStateException("prometheus exited with status " + process.exitValue());
        try {
            return http.send(HttpRequest.newBuilder(url.resolve("/-/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("prometheus answered " + response.statusCode() + " to " + pathAndQuery + ": " + response.body());
        }
        return response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
