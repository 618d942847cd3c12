package io.fissile.controller.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends each request to the handler of the first route whose template matches its path: 404 when
 * none does, 405 when the route does not take the method.
 */
public final class Dispatcher implements Handler<HttpServerRequest> {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Vertx vertx;
    private final Blocking blocking;
    private final List<Route> routes;

    public Dispatcher(Vertx vertx, Blocking blocking, List<Route> routes) {
        this.vertx = vertx;
        this.blocking = blocking;
        this.routes = List.copyOf(routes);
    }

    @Override
    public void handle(HttpServerRequest request) {
        long started = System.nanoTime();
        request.response().endHandler(ignored -> log.debug("{} {} -> {} in {} ms", request.method(), request.uri(),
                request.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000));
        List<String> path = PathTemplate.split(request.path());
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.template().match(path);
            if (params.isPresent()) {
                dispatch(request, route, params.get());
                return;
            }
        }
        new Exchange(vertx, request, Map.of(), blocking)
                .fail(ApiError.notFound("no such path: " + request.path()));
    }

    private void dispatch(HttpServerRequest request, Route route, Map<String, String> params) {
        Exchange exchange = new Exchange(vertx, request, params, blocking);
        Optional<RequestHandler> handler = route.handler(request.method());
        if (handler.isEmpty()) {
            request.response().putHeader(HttpHeaders.ALLOW, route.allowed());
            exchange.fail(new ApiError(405, "MethodNotAllowed", request.method() + " is not allowed on "
                    + request.path() + "; allowed: " + route.allowed()));
            return;
        }
        try {
            handler.get().handle(exchange);
        } catch (Exception e) {
            exchange.fail(e);
        }
    }
}
