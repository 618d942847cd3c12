package io.fissile.controller;

import io.fissile.api.Codec;
import io.fissile.client.ControllerClient;
import io.fissile.runtime.logs.FileFunctionLogs;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.fissile.store.sqlite.SqliteStoreOptions;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A controller on an ephemeral port over a real SQLite store, a real archive directory and real
 * function log files, fresh for each test, with an HTTP client to call it.
 */
final class ControllerFixture implements BeforeEachCallback, AfterEachCallback {
    private final UnaryOperator<ControllerOptions> options;
    private final SqliteStoreOptions storeOptions;
    private final MetricsSource metrics;

    private Path dir;
    private Vertx vertx;
    private WatchCountingStore store;
    private FileArchiveStore archives;
    private FileFunctionLogs logs;
    private Controller controller;
    private HttpClient http;

    ControllerFixture() {
        this(UnaryOperator.identity(), SqliteStoreOptions.defaults());
    }

    ControllerFixture(UnaryOperator<ControllerOptions> options, SqliteStoreOptions storeOptions) {
        this(options, storeOptions, null);
    }

    private ControllerFixture(UnaryOperator<ControllerOptions> options, SqliteStoreOptions storeOptions, MetricsSource metrics) {
        this.options = options;
        this.storeOptions = storeOptions;
        this.metrics = metrics;
    }

    /** A controller that also serves {@code GET /metrics} from {@code metrics}. */
    static ControllerFixture withMetrics(MetricsSource metrics) {
        return new ControllerFixture(UnaryOperator.identity(), SqliteStoreOptions.defaults(), metrics);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("fissile-controller-test");
        store = new WatchCountingStore(SqliteResourceStore.open(dir.resolve("store.db"), storeOptions));
        archives = FileArchiveStore.open(archiveDirectory());
        logs = new FileFunctionLogs(dir.resolve("logs"));
        vertx = Vertx.vertx();
        ControllerOptions controllerOptions = options.apply(ControllerOptions.defaults().withPort(0));
        controller = (metrics == null
                ? Controller.start(vertx, controllerOptions, store, archives, logs)
                : Controller.start(vertx, controllerOptions, store, archives, logs, metrics))
                .await();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (http != null) http.close();
            if (controller != null) controller.close().await();
            if (vertx != null) vertx.close().await();
            if (store != null) store.close();
            if (logs != null) logs.close();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    WatchCountingStore store() { return store; }

    FileArchiveStore archives() { return archives; }

    Path archiveDirectory() { return dir.resolve("archives"); }

    /** The function logs the controller serves; a test appends to them as the runtime would. */
    FileFunctionLogs logs() { return logs; }

    Controller controller() { return controller; }

    HttpClient http() { return http; }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + controller.port() + pathAndQuery);
    }

    ControllerClient client() {
        return new ControllerClient(uri(""));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Reply post(String path, String json) {
        return send(path, "POST", "application/json", json);
    }

    Reply put(String path, String json) {
        return send(path, "PUT", "application/json", json);
    }

    Reply send(String path, String method, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers and body, with the body as JSON on demand. */
    record Reply(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            return Codec.fromJson(body, JsonNode.class);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
