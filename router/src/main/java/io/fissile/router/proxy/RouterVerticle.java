package io.fissile.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/** One HTTP server on one event loop; several share the port, and the kernel's accepts, between them. */
final class RouterVerticle extends VerticleBase {
    private final HttpServerOptions options;
    private final Handler<HttpServerRequest> handler;

    RouterVerticle(HttpServerOptions options, Handler<HttpServerRequest> handler) {
        this.options = options;
        this.handler = handler;
    }

    @Override
    public Future<?> start() {
        HttpServer server = vertx.createHttpServer(options).requestHandler(handler);
        return server.listen();
    }
}
