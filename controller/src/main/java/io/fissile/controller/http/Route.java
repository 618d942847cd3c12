package io.fissile.controller.http;

import io.vertx.core.http.HttpMethod;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A path template and the handler of each method it accepts. */
public final class Route {
    private final PathTemplate template;
    private final Map<HttpMethod, RequestHandler> handlers = new LinkedHashMap<>();
    private RequestHandler anyMethod;

    private Route(PathTemplate template) {
        this.template = template;
    }

    public static Route at(String template) {
        return new Route(PathTemplate.parse(template));
    }

    public Route on(HttpMethod method, RequestHandler handler) {
        handlers.put(method, handler);
        return this;
    }

    /** A handler for every method, e.g. to explain that a path does not exist. */
    public Route onAnyMethod(RequestHandler handler) {
        anyMethod = handler;
        return this;
    }

    PathTemplate template() {
        return template;
    }

    Optional<RequestHandler> handler(HttpMethod method) {
        return Optional.ofNullable(handlers.getOrDefault(method, anyMethod));
    }

    /** The methods this route accepts, for the {@code Allow} header of a 405. */
    String allowed() {
        return String.join(", ", handlers.keySet().stream().map(HttpMethod::name).toList());
    }
}
