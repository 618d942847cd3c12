package io.fissile.controller;

import io.fissile.controller.ControllerFixture.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SystemTest {
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture();

    @Test
    void healthzSaysOkWhenTheStoreAnswers() {
        Reply health = server.get("/healthz");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void healthzSaysUnavailableWhenTheStoreDoesNotAnswer() {
        server.store().close();

        Reply health = server.get("/healthz");

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("reason").asString()).isEqualTo("Unavailable");
    }

    @Test
    void versionTellsTheVersionAndTheApiVersion() {
        Reply version = server.get("/version");

        assertThat(version.status()).isEqualTo(200);
        assertThat(version.body()).isEqualTo("{\"version\":\"0.1.0\",\"apiVersion\":\"fission.io/v1\"}");
        assertThat(server.post("/version", "{}").status()).isEqualTo(405);
    }

    @Test
    void aControllerGivenNoMetricsHasNoMetricsPath() {
        assertThat(server.get("/metrics").status()).isEqualTo(404);
    }

    @Test
    void manyRequestsAtOnceAreAllAnswered() throws Exception {
        int clients = 16;
        int perClient = 15;
        List<Future<List<Integer>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        String name = "fn-" + client + "-" + i;
                        statuses.add(server.post("/v2/functions", Manifests.function(name)).status());
                        statuses.add(server.get("/v2/functions/" + name).status());
                        statuses.add(server.get("/v2/functions?labelSelector=app").status());
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).allMatch(status -> status == 200 || status == 201);
            }
        }
        assertThat(server.get("/v2/functions").json().path("items")).hasSize(clients * perClient);
    }

    @Test
    void closingTheControllerEndsItsWatchStreamsAndClosesTheirStoreWatches() throws Exception {
        try (WatchLines watch = WatchLines.open(server, "/v2/functions?watch=true")) {
            server.post("/v2/functions", Manifests.function("seen"));
            assertThat(WatchLines.name(watch.next())).isEqualTo("seen");

            server.controller().close().await();

            await().until(watch::ended);
            assertThat(server.store().openWatches()).isZero();
        }
    }
}
