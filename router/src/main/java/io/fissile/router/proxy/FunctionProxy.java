package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionExecutor;
import io.fissile.router.RouterObserver;
import io.fissile.router.RouterOptions;
import io.fissile.router.routes.RouteMatch;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServerRequest;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends routed requests to function instances, for one event loop: its client's connections live on
 * that loop, so a request and its upstream exchange share a thread. What one request needs lives in
 * its {@link ProxyExchange}.
 */
final class FunctionProxy {
    private final Vertx vertx;
    private final HttpClient client;
    private final FunctionExecutor executor;
    private final RouterOptions options;
    private final RouterObserver observer;

    FunctionProxy(Vertx vertx, HttpClient client, FunctionExecutor executor, RouterOptions options) {
        this.vertx = vertx;
        this.client = client;
        this.executor = executor;
        this.options = options;
        this.observer = options.observer();
    }

    /** @param arrivedAt {@link System#nanoTime()} when the request arrived */
    void forward(HttpServerRequest request, RouteMatch match, long arrivedAt) {
        Function function = match.route().target().pick(ThreadLocalRandom.current());
        new ProxyExchange(this, request, match, function, arrivedAt).start();
    }

    Vertx vertx() {
        return vertx;
    }

    HttpClient client() {
        return client;
    }

    FunctionExecutor executor() {
        return executor;
    }

    RouterOptions options() {
        return options;
    }

    RouterObserver observer() {
        return observer;
    }
}
