package io.fissile.controller;

import io.fissile.controller.ControllerFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsApiTest {
    /** Counts its scrapes, as a real registry's counters move between two scrapes. */
    private final AtomicInteger scrapes = new AtomicInteger();
    /** When set, scraping fails with it, as a broken metrics source would. */
    private volatile RuntimeException failure;

    @RegisterExtension
    final ControllerFixture server = ControllerFixture.withMetrics(() -> {
        if (failure != null) throw failure;
        return "# TYPE fissile_test_scrapes_total counter\nfissile_test_scrapes_total " + scrapes.incrementAndGet() + "\n";
    });

    @Test
    void getMetricsAnswersPrometheusTextReadAtEachRequest() {
        Reply first = server.get("/metrics");
        Reply second = server.get("/metrics");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(first.body()).isEqualTo("# TYPE fissile_test_scrapes_total counter\nfissile_test_scrapes_total 1\n");
        assertThat(second.body()).endsWith("fissile_test_scrapes_total 2\n");
    }

    @Test
    void onlyGetIsAllowed() {
        Reply post = server.post("/metrics", "{}");

        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).isEqualTo("GET");
    }

    @Test
    void metricsThatCannotBeReadAnswer500WithTheReason() {
        failure = new IllegalStateException("the registry is closed");

        Reply reply = server.get("/metrics");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().path("reason").asString()).isEqualTo("InternalError");
        assertThat(reply.json().path("message").asString()).contains("the registry is closed");
    }
}
