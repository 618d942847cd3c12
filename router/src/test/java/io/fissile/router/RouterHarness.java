package io.fissile.router;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.HTTPTriggerSpec;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Reference;
import io.fissile.executor.FunctionExecutor;
import io.fissile.store.Informer;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * A router on a free port, fed by informers over a real SQLite store: tests create triggers and
 * functions in the store, as the controller would, and talk to the router over HTTP.
 */
final class RouterHarness implements AutoCloseable {
    private final SqliteResourceStore store;
    private final Informer<HTTPTrigger> triggers;
    private final Informer<Function> functions;
    private final Vertx vertx;
    private final Router router;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private RouterHarness(SqliteResourceStore store, FunctionExecutor executor, RouterOptions options) throws Exception {
        this.store = store;
        this.triggers = Informer.start(store, Kinds.HTTP_TRIGGER);
        this.functions = Informer.start(store, Kinds.FUNCTION);
        this.vertx = Vertx.vertx();
        this.router = Router.start(options.port(0), triggers, functions, executor)
                .await(60, TimeUnit.SECONDS);
    }

    static RouterHarness start(Path directory, FunctionExecutor executor, RouterOptions options) {
        try {
            return new RouterHarness(SqliteResourceStore.open(directory.resolve("store.db")), executor, options);
        } catch (Exception e) {
            throw new IllegalStateException("the router did not start", e);
        }
    }

    SqliteResourceStore store() {
        return store;
    }

    int port() {
        return router.port();
    }

    Function createFunction(String namespace, String name, Consumer<FunctionSpec> spec) {
        Function function = new Function();
        function.metadata().namespace(namespace).name(name);
        function.spec().environment(new Reference().namespace(namespace).name("jvm"));
        spec.accept(function.spec());
        return store.create(function);
    }

    Function createFunction(String name) {
        return createFunction("default", name, spec -> { });
    }

    HTTPTrigger createTrigger(String name, Consumer<HTTPTriggerSpec> spec) {
        HTTPTrigger trigger = new HTTPTrigger();
        trigger.metadata().namespace("default").name(name);
        spec.accept(trigger.spec());
        return store.create(trigger);
    }

    /** A GET route from {@code url} to {@code function}. */
    HTTPTrigger route(String name, String url, String function) {
        return createTrigger(name, spec -> spec.relativeUrl(url).functionRef(FunctionReference.byName(function)));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(120));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    /** Waits until the router's table has caught up with the store: the path answers {@code status}. */
    HttpResponse<String> awaitStatus(String pathAndQuery, int status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(pathAndQuery), answer -> answer.statusCode() == status);
    }

    @Override
    public void close() {
        try {
            router.close().await(30, TimeUnit.SECONDS);
            vertx.close().await(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the router did not stop", e);
        }
        triggers.close();
        functions.close();
        store.close();
        http.close();
    }
}
