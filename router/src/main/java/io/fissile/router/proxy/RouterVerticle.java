package io.fissile.router.proxy;

import io.fissile.executor.FunctionExecutor;
import io.fissile.router.RouterOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One event loop's share of the router: an HTTP server (several share the port, and the kernel's
 * accepts, between them) and a client whose pooled connections to instances live on the same loop,
 * so a request is never handed to another thread on its way to the function and back.
 */
final class RouterVerticle extends VerticleBase {
    private final HttpServerOptions serverOptions;
    private final RouterOptions settings;
    private final RouteTableUpdater routes;
    private final FunctionExecutor executor;
    private HttpClientAgent client;

    RouterVerticle(HttpServerOptions serverOptions, RouterOptions settings, RouteTableUpdater routes, FunctionExecutor executor) {
        this.serverOptions = serverOptions;
        this.settings = settings;
        this.routes = routes;
        this.executor = executor;
    }

    @Override
    public Future<?> start() {
        client = vertx.createHttpClient(InstanceClientOptions.client(settings), InstanceClientOptions.pool(settings));
        FunctionProxy proxy = new FunctionProxy(vertx, client, executor, settings);
        RequestDispatcher dispatcher = new RequestDispatcher(routes, proxy, settings.retryAfterSeconds());
        HttpServer server = vertx.createHttpServer(serverOptions).requestHandler(dispatcher);
        return server.listen();
    }

    @Override
    public Future<?> stop() {
        return client == null ? Future.succeededFuture() : client.close();
    }
}
