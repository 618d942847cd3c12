package io.fissile.controller.logs;

import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.NdjsonStream;
import io.fissile.controller.http.OpenStreams;
import io.fissile.controller.http.Route;
import io.fissile.runtime.FunctionLogs;
import io.fissile.store.ResourceStore;
import io.vertx.core.http.HttpMethod;

import java.util.List;

/**
 * {@code GET /v2/functions/{name}/logs}: the latest lines a function's instances wrote and, with
 * {@code follow=true}, every line they write next.
 */
public final class LogHandlers {
    private final ResourceStore store;
    private final FunctionLogs logs;
    private final long backlogBytes;
    private final OpenStreams openStreams;

    /**
     * @param logs         the runtime's function logs, or null when this controller has none
     * @param backlogBytes how many bytes of lines a follow holds for a client that does not read
     */
    public LogHandlers(ResourceStore store, FunctionLogs logs, long backlogBytes, OpenStreams openStreams) {
        this.store = store;
        this.logs = logs;
        this.backlogBytes = backlogBytes;
        this.openStreams = openStreams;
    }

    /** Comes before the resource routes, whose catch-all would otherwise answer this path. */
    public List<Route> routes() {
        return List.of(Route.at("/v2/functions/{name}/logs").on(HttpMethod.GET, this::logs));
    }

    private void logs(Exchange exchange) {
        if (logs == null) {
            throw new ApiError(503, "Unavailable", "this controller was started without function logs");
        }
        LogQuery query = LogQuery.of(exchange);
        if (query.follow()) {
            new LogFollowStream(exchange, query, openStreams, backlogBytes).start(store, logs);
            return;
        }
        exchange.blocking().run(() -> {
            query.requireFunctionIn(store);
            return LogLineJson.encode(logs.tail(query.namespace(), query.function(), query.tail(), query.since()));
        }).onComplete(body -> exchange.replyNow(200, NdjsonStream.CONTENT_TYPE, body), exchange::fail);
    }
}
