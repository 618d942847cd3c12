package io.fissile.controller.system;

import io.fissile.api.ObjectMeta;
import io.fissile.api.v1.Kinds;
import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.Route;
import io.fissile.store.ResourceStore;
import io.vertx.core.http.HttpMethod;

import java.time.Duration;
import java.util.List;

/** {@code /healthz} and {@code /version}. */
public final class SystemHandlers {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(5);
    private static final String PROBE_NAME = ".healthz";

    private final ResourceStore store;
    private final String version;

    public SystemHandlers(ResourceStore store, String version) {
        this.store = store;
        this.version = version;
    }

    public List<Route> routes() {
        return List.of(
                Route.at("/healthz").on(HttpMethod.GET, this::health),
                Route.at("/version").on(HttpMethod.GET, this::version));
    }

    /**
     * Healthy when the store answers a query, and soon: a store stuck on a lock is not healthy.
     * The query looks up a name no object can have (it is no DNS label), by key: the cheapest read.
     */
    private void health(Exchange exchange) {
        exchange.blocking().run(() -> store.get(Kinds.ENVIRONMENT, ObjectMeta.DEFAULT_NAMESPACE, PROBE_NAME))
                .timeout(HEALTH_TIMEOUT)
                .onComplete(
                        ignored -> exchange.replyNow(200, new Health("ok")),
                        failure -> exchange.fail(new ApiError(503, "Unavailable", "the store does not answer: " + failure.getMessage())));
    }

    private void version(Exchange exchange) {
        exchange.replyNow(200, new Version(version, Kinds.API_VERSION));
    }

    record Health(String status) {
    }

    record Version(String version, String apiVersion) {
    }
}
