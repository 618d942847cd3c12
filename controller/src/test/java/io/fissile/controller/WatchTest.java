package io.fissile.controller;

import io.fissile.store.sqlite.SqliteStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.fissile.controller.WatchLines.name;
import static io.fissile.controller.WatchLines.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WatchTest {
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture(
            options -> options.withWatchBacklogBytes(64 * 1024), SqliteStoreOptions.defaults());

    @Test
    void aWatchStartsWithWhatExistsThenStreamsEachChangeAsItHappens() throws Exception {
        server.post("/v2/environments", Manifests.environment("first"));

        try (WatchLines watch = WatchLines.open(server, "/v2/environments?watch=true")) {
            assertThat(watch.response().statusCode()).isEqualTo(200);
            assertThat(watch.response().headers().firstValue("Content-Type")).hasValue("application/x-ndjson");

            JsonNode existing = watch.next();
            assertThat(type(existing)).isEqualTo("ADDED");
            assertThat(name(existing)).isEqualTo("first");

            server.post("/v2/environments", Manifests.environment("second"));
            JsonNode added = watch.next();
            assertThat(type(added)).isEqualTo("ADDED");
            assertThat(name(added)).isEqualTo("second");
            assertThat(added.path("object").path("kind").asString()).isEqualTo("Environment");

            server.put("/v2/environments/first", Manifests.environment("first").replace("\"poolsize\":3", "\"poolsize\":7"));
            JsonNode modified = watch.next();
            assertThat(type(modified)).isEqualTo("MODIFIED");
            assertThat(modified.path("object").path("spec").path("poolsize").asInt()).isEqualTo(7);

            server.delete("/v2/environments/second");
            JsonNode deleted = watch.next();
            assertThat(type(deleted)).isEqualTo("DELETED");
            assertThat(name(deleted)).isEqualTo("second");
        }
    }

    @Test
    void aWatchResumedFromAListsVersionGetsExactlyTheChangesMadeSince() throws Exception {
        server.post("/v2/functions", Manifests.function("kept"));
        server.post("/v2/functions", Manifests.function("doomed"));
        String listedAt = server.get("/v2/functions").json().path("metadata").path("resourceVersion").asString();

        server.post("/v2/functions", Manifests.function("newcomer"));
        server.put("/v2/functions/kept", Manifests.function("kept").replace("\"hello\"}", "\"main\"}"));
        server.delete("/v2/functions/doomed");

        try (WatchLines watch = WatchLines.open(server, "/v2/functions?watch=1&resourceVersion=" + listedAt)) {
            assertThat(watch.response().statusCode()).isEqualTo(200);
            assertThat(event(watch.next())).isEqualTo("ADDED newcomer");
            assertThat(event(watch.next())).isEqualTo("MODIFIED kept");
            assertThat(event(watch.next())).isEqualTo("DELETED doomed");

            // Nothing else was queued before this marker.
            server.post("/v2/functions", Manifests.function("marker"));
            assertThat(event(watch.next())).isEqualTo("ADDED marker");
        }
    }

    @Test
    void aWatchInOneNamespaceSeesOnlyThatNamespace() throws Exception {
        try (WatchLines watch = WatchLines.open(server, "/v2/environments?watch=true&namespace=team-a")) {
            server.post("/v2/environments", Manifests.environmentIn("team-b", "elsewhere", "{}"));
            server.post("/v2/environments", Manifests.environmentIn("team-a", "here", "{}"));

            assertThat(name(watch.next())).isEqualTo("here");
        }
    }

    @Test
    void aLabelSelectorFiltersTheEventsAndAnObjectLeavingTheSelectionIsDeletedForTheWatcher() throws Exception {
        server.post("/v2/environments", Manifests.environmentIn("default", "web-1", "{\"tier\":\"web\"}"));
        server.post("/v2/environments", Manifests.environmentIn("default", "db-1", "{\"tier\":\"db\"}"));

        try (WatchLines watch = WatchLines.open(server, "/v2/environments?watch=true&labelSelector=tier%3Dweb")) {
            assertThat(event(watch.next())).isEqualTo("ADDED web-1");

            server.post("/v2/environments", Manifests.environmentIn("default", "db-2", "{\"tier\":\"db\"}"));
            server.post("/v2/environments", Manifests.environmentIn("default", "web-2", "{\"tier\":\"web\"}"));
            assertThat(event(watch.next())).isEqualTo("ADDED web-2");

            server.put("/v2/environments/web-1", Manifests.environmentIn("default", "web-1", "{\"tier\":\"db\"}"));
            assertThat(event(watch.next())).isEqualTo("DELETED web-1");

            server.put("/v2/environments/db-1", Manifests.environmentIn("default", "db-1", "{\"tier\":\"web\"}"));
            assertThat(event(watch.next())).isEqualTo("ADDED db-1");

            server.delete("/v2/environments/db-2");
            server.delete("/v2/environments/web-2");
            assertThat(event(watch.next())).isEqualTo("DELETED web-2");
        }
    }

    private static String event(JsonNode event) {
        return type(event) + " " + name(event);
    }

    @Test
    void aClientThatLeavesHasItsStoreWatchClosed() throws Exception {
        try (RawHttp client = RawHttp.connect(server.controller().port(), 0)) {
            client.send("GET /v2/functions?watch=true HTTP/1.1\nHost: test\n\n");
            assertThat(client.readHead()).startsWith("HTTP/1.1 200");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.store().openWatches() == 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.store().openWatches() == 0);
    }

    @Test
    void aClientThatStopsReadingHasItsStreamCutInsteadOfBufferedWithoutBound() throws Exception {
        server.post("/v2/environments", Manifests.environment("big"));
        try (RawHttp client = RawHttp.connect(server.controller().port(), 4096)) {
            client.send("GET /v2/environments?watch=true HTTP/1.1\nHost: test\n\n");
            assertThat(client.readHead()).startsWith("HTTP/1.1 200");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.store().openWatches() == 1);

            int updates = 0;
            while (server.store().openWatches() == 1 && updates < 150) {
                updates++;
                String annotated = Manifests.environment("big").replace("\"name\":\"big\"",
                        "\"name\":\"big\",\"annotations\":{\"payload\":\"" + updates + "x".repeat(200_000) + "\"}");
                assertThat(server.put("/v2/environments/big", annotated).status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.store().openWatches() == 0);

            String received = client.readToEnd();
            int modifiedEvents = received.split("\"type\":\"MODIFIED\"", -1).length - 1;
            assertThat(modifiedEvents).isLessThan(updates);
        }
        // The controller is none the worse for it.
        assertThat(server.get("/v2/environments/big").status()).isEqualTo(200);
    }
}
