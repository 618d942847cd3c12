package io.fissile.router.proxy;

import io.fissile.router.routes.RouteMatch;
import io.fissile.router.routes.RouteTable;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Every request starts here: look the route up in the current table and hand the request to the
 * proxy, or answer it. Fission's own endpoints answer only when no route claims the request:
 * {@code GET /} (200, for ingress health checks) and {@code GET /router-healthz}.
 */
final class RequestDispatcher implements Handler<HttpServerRequest> {
    static final String HEALTH_PATH = "/router-healthz";

    private final RouteTableUpdater routes;
    private final FunctionProxy proxy;
    private final int retryAfterSeconds;

    RequestDispatcher(RouteTableUpdater routes, FunctionProxy proxy, int retryAfterSeconds) {
        this.routes = routes;
        this.proxy = proxy;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void handle(HttpServerRequest request) {
        long arrivedAt = System.nanoTime();
        RouteTable table = routes.table();
        String host = table.hasHostRoutes() ? hostOf(request) : null;
        String path = request.path();
        String method = request.method().name();
        RouteMatch match = table.find(method, host, path);
        if (match.found()) {
            proxy.forward(request, match, arrivedAt);
        } else if (request.method() == HttpMethod.GET && ("/".equals(path) || HEALTH_PATH.equals(path))) {
            request.response().end();
        } else if (match.outcome() == RouteMatch.Outcome.METHOD_NOT_ALLOWED) {
            ErrorReplies.send(request.response(), ErrorReply.methodNotAllowed(method, path, table.allowedMethods(host, path)), retryAfterSeconds);
        } else {
            ErrorReplies.send(request.response(), ErrorReply.noRoute(method, path == null ? request.uri() : path), retryAfterSeconds);
        }
    }

    private static String hostOf(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        return authority == null ? null : authority.host();
    }
}
