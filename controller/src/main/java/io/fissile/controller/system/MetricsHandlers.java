package io.fissile.controller.system;

import io.fissile.controller.MetricsSource;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

import java.util.List;

/** {@code GET /metrics}: the platform's metrics for Prometheus to scrape. */
public final class MetricsHandlers {
    private final MetricsSource metrics;

    public MetricsHandlers(MetricsSource metrics) {
        this.metrics = metrics;
    }

    public List<Route> routes() {
        return List.of(Route.at("/metrics").on(HttpMethod.GET, this::metrics));
    }

    private void metrics(Exchange exchange) {
        exchange.blocking().run(metrics::scrape).onComplete(
                text -> exchange.replyNow(200, MetricsSource.CONTENT_TYPE, Buffer.buffer(text)),
                exchange::fail);
    }
}
