package io.fissile.controller.resources;

import io.fissile.api.Kind;
import io.fissile.api.LabelSelector;
import io.fissile.api.Resource;
import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.OpenStreams;
import io.fissile.controller.http.RequestBodies;
import io.fissile.controller.http.Route;
import io.fissile.store.ResourceStore;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The resource endpoints of every kind: list and watch, get, create, update, update status, delete. */
public final class ResourceHandlers {
    private final ResourceStore store;
    private final long maxBodyBytes;
    private final long watchBacklogBytes;
    private final OpenStreams openStreams;

    public ResourceHandlers(ResourceStore store, long maxBodyBytes, long watchBacklogBytes, OpenStreams openStreams) {
        this.store = store;
        this.maxBodyBytes = maxBodyBytes;
        this.watchBacklogBytes = watchBacklogBytes;
        this.openStreams = openStreams;
    }

    /** The routes of every kind's paths, then one explaining which paths exist to a request for any other. */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        KindPaths.all().forEach((path, kind) -> {
            String collection = "/v2/" + path;
            routes.add(Route.at(collection)
                    .on(HttpMethod.GET, exchange -> list(exchange, kind))
                    .on(HttpMethod.POST, exchange -> create(exchange, kind)));
            routes.add(Route.at(collection + "/{name}")
                    .on(HttpMethod.GET, exchange -> get(exchange, kind))
                    .on(HttpMethod.PUT, exchange -> update(exchange, kind))
                    .on(HttpMethod.DELETE, exchange -> delete(exchange, kind)));
            routes.add(Route.at(collection + "/{name}/status")
                    .on(HttpMethod.PUT, exchange -> updateStatus(exchange, kind)));
        });
        routes.add(Route.at("/v2/{plural}/*").onAnyMethod(ResourceHandlers::unknownPath));
        return routes;
    }

    private <R extends Resource<?, ?>> void list(Exchange exchange, Kind<R> kind) {
        String namespace = exchange.query("namespace");
        LabelSelector selector = selector(exchange);
        if (exchange.queryFlag("watch")) {
            String from = exchange.query("resourceVersion");
            // As in Kubernetes, version 0 means "from any point": the current state, then changes.
            boolean fromNow = from == null || from.equals("0");
            new WatchStream<>(exchange, kind, new SelectorFilter<>(selector, !fromNow), openStreams, watchBacklogBytes)
                    .start(store, namespace, fromNow ? null : from);
        } else {
            exchange.reply(200, () -> SecretRedaction.of(kind, store.list(kind, namespace, selector)));
        }
    }

    /** A Secret's values are answered only to a get that asks for them with {@code ?reveal=true}. */
    private <R extends Resource<?, ?>> void get(Exchange exchange, Kind<R> kind) {
        String namespace = exchange.namespace();
        String name = exchange.pathParam("name");
        boolean reveal = exchange.queryFlag("reveal");
        exchange.reply(200, () -> {
            R found = store.get(kind, namespace, name).orElseThrow(() ->
                    ApiError.notFound(kind.name() + " \"" + namespace + "/" + name + "\" not found"));
            return reveal ? found : SecretRedaction.of(found);
        });
    }

    private <R extends Resource<?, ?>> void create(Exchange exchange, Kind<R> kind) {
        String namespace = exchange.query("namespace");
        withBody(exchange, kind, 201, resource -> store.create(Admission.forCreate(resource, namespace)));
    }

    private <R extends Resource<?, ?>> void update(Exchange exchange, Kind<R> kind) {
        String namespace = exchange.query("namespace");
        String name = exchange.pathParam("name");
        withBody(exchange, kind, 200, resource -> store.update(Admission.forUpdate(resource, namespace, name)));
    }

    private <R extends Resource<?, ?>> void updateStatus(Exchange exchange, Kind<R> kind) {
        String namespace = exchange.query("namespace");
        String name = exchange.pathParam("name");
        withBody(exchange, kind, 200, resource -> store.updateStatus(Admission.forStatus(resource, namespace, name)));
    }

    private <R extends Resource<?, ?>> void delete(Exchange exchange, Kind<R> kind) {
        String namespace = exchange.namespace();
        String name = exchange.pathParam("name");
        exchange.reply(200, () -> SecretRedaction.of(store.delete(kind, namespace, name)));
    }

    /** Reads the body, then decodes it and writes it to the store on a worker. */
    private <R extends Resource<?, ?>> void withBody(Exchange exchange, Kind<R> kind, int status, UnaryOperator<R> write) {
        String contentType = exchange.request().getHeader(HttpHeaders.CONTENT_TYPE);
        RequestBodies.read(exchange.request(), maxBodyBytes, "the " + kind.name() + " body").onComplete(
                body -> exchange.reply(status, () -> SecretRedaction.of(write.apply(
                        ResourceDecoder.decode(kind, body.toString(StandardCharsets.UTF_8), contentType)))),
                exchange::fail);
    }

    private static void unknownPath(Exchange exchange) {
        String plural = exchange.pathParam("plural");
        if (KindPaths.kindAt(plural).isPresent()) {
            throw ApiError.notFound("no such path: " + exchange.request().path());
        }
        throw ApiError.notFound("the server does not know resources of type \"" + plural + "\"; it serves "
                + KindPaths.describe());
    }

    private static LabelSelector selector(Exchange exchange) {
        try {
            return LabelSelector.parse(exchange.query("labelSelector"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("labelSelector: " + e.getMessage());
        }
    }
}
