package io.fissile.controller;

import io.fissile.controller.ControllerFixture.Reply;
import io.fissile.store.sqlite.SqliteStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class WatchExpiryTest {
    /** A store that keeps only its last three changes. */
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture(UnaryOperator.identity(),
            SqliteStoreOptions.defaults().withRetainedEvents(3).withRetainedFor(Duration.ZERO));

    @Test
    void aWatchFromAVersionTheStoreNoLongerKeepsIs410() {
        String early = server.post("/v2/environments", Manifests.environment("e0"))
                .json().path("metadata").path("resourceVersion").asString();
        for (int i = 1; i <= 6; i++) {
            server.post("/v2/environments", Manifests.environment("e" + i));
        }

        Reply expired = server.get("/v2/environments?watch=true&resourceVersion=" + early);

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.header("Content-Type")).startsWith("application/json");
        assertThat(expired.json().path("reason").asString()).isEqualTo("Expired");
        assertThat(expired.json().path("message").asString()).contains(early);
        assertThat(server.store().openWatches()).isZero();
    }
}
