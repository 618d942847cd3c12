package io.fissile.controller;

import io.fissile.api.Codec;
import io.fissile.controller.ControllerFixture.Reply;
import io.fissile.runtime.LogLine;
import io.fissile.store.sqlite.SqliteStoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogsApiTest {
    @RegisterExtension
    final ControllerFixture server = new ControllerFixture(
            options -> options.withWatchBacklogBytes(64 * 1024), SqliteStoreOptions.defaults());

    @Test
    void theLatestLinesComeOldestFirstAsOneJsonObjectEach() {
        server.post("/v2/functions", Manifests.function("hello"));
        Instant start = Instant.parse("2025-03-01T10:00:00Z");
        for (int i = 1; i <= 30; i++) server.logs().append(lineAt(start.plusSeconds(i), "line " + i));

        Reply reply = server.get("/v2/functions/hello/logs");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/x-ndjson");
        List<JsonNode> lines = jsonLines(reply.body());
        // Fission's default record count.
        assertThat(lines).hasSize(20);
        assertThat(texts(lines)).startsWith("line 11").endsWith("line 30");
        JsonNode last = lines.getLast();
        assertThat(last.path("namespace").asString()).isEqualTo("default");
        assertThat(last.path("function").asString()).isEqualTo("hello");
        assertThat(last.path("instance").asString()).isEqualTo("nodejs-1a2b3c");
        assertThat(last.path("stream").asString()).isEqualTo("stdout");
        assertThat(last.path("time").asString()).isEqualTo("2025-03-01T10:00:30Z");

        assertThat(texts(jsonLines(server.get("/v2/functions/hello/logs?tail=3").body())))
                .containsExactly("line 28", "line 29", "line 30");
    }

    @Test
    void sinceKeepsOnlyTheLinesWrittenAfterIt() {
        server.post("/v2/functions", Manifests.function("hello"));
        Instant start = Instant.parse("2025-03-01T10:00:00Z");
        server.logs().append(lineAt(start.plusSeconds(1), "first"));
        server.logs().append(lineAt(start.plusSeconds(2), "second"));
        server.logs().append(lineAt(start.plusSeconds(3), "third"));

        assertThat(texts(jsonLines(server.get("/v2/functions/hello/logs?since=2025-03-01T10:00:02Z").body())))
                .containsExactly("third");
        assertThat(texts(jsonLines(server.get("/v2/functions/hello/logs?since=2025-03-01T11:00:01%2B01:00").body())))
                .containsExactly("second", "third");

        Reply badTime = server.get("/v2/functions/hello/logs?since=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().path("reason").asString()).isEqualTo("BadRequest");
        assertThat(badTime.json().path("message").asString()).contains("RFC 3339");
        assertThat(server.get("/v2/functions/hello/logs?tail=-1").status()).isEqualTo(400);
    }

    @Test
    void aFollowSendsTheLatestLinesThenEachLineWrittenAfterTheRequest() throws Exception {
        server.post("/v2/functions", Manifests.function("hello"));
        server.logs().append(line("default", "hello", "before 1"));
        server.logs().append(line("default", "hello", "before 2"));

        try (WatchLines follow = WatchLines.open(server, "/v2/functions/hello/logs?follow=true&tail=1")) {
            assertThat(follow.response().statusCode()).isEqualTo(200);
            assertThat(follow.response().headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
            assertThat(text(follow.next())).isEqualTo("before 2");

            server.logs().append(line("default", "hello", "after 1"));
            assertThat(text(follow.next())).isEqualTo("after 1");
            server.logs().append(line("default", "hello", "after 2"));
            assertThat(text(follow.next())).isEqualTo("after 2");
        }
    }

    @Test
    void aFunctionThatDoesNotExistIs404EvenWithLinesLeftOnDisk() {
        server.logs().append(line("default", "ghost", "left behind"));

        for (String query : List.of("", "?follow=true")) {
            Reply reply = server.get("/v2/functions/ghost/logs" + query);
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.json().path("reason").asString()).isEqualTo("NotFound");
            assertThat(reply.json().path("message").asString()).isEqualTo("Function \"default/ghost\" not found");
        }
    }

    @Test
    void eachNamespaceHasItsOwnLines() throws Exception {
        server.post("/v2/functions", Manifests.function("hello"));
        server.post("/v2/functions?namespace=team-a", Manifests.function("hello"));
        server.post("/v2/functions?namespace=team-a", Manifests.function("solo"));
        server.logs().append(line("default", "hello", "from default"));
        server.logs().append(line("team-a", "hello", "from team-a"));

        List<JsonNode> teamA = jsonLines(server.get("/v2/functions/hello/logs?namespace=team-a").body());
        assertThat(texts(teamA)).containsExactly("from team-a");
        assertThat(teamA.getFirst().path("namespace").asString()).isEqualTo("team-a");
        assertThat(texts(jsonLines(server.get("/v2/functions/hello/logs").body()))).containsExactly("from default");
        assertThat(server.get("/v2/functions/solo/logs").status()).isEqualTo(404);

        try (WatchLines follow = WatchLines.open(server, "/v2/functions/hello/logs?follow=true&tail=0&namespace=team-a")) {
            server.logs().append(line("default", "hello", "elsewhere"));
            server.logs().append(line("team-a", "hello", "here"));
            assertThat(text(follow.next())).isEqualTo("here");
        }
    }

    @Test
    void stoppingTheControllerEndsAFollowCleanly() throws Exception {
        server.post("/v2/functions", Manifests.function("hello"));
        try (WatchLines follow = WatchLines.open(server, "/v2/functions/hello/logs?follow=true")) {
            assertThat(follow.response().statusCode()).isEqualTo(200);

            server.controller().close().await();

            await().atMost(Duration.ofSeconds(10)).until(follow::ended);
        }
    }

    @Test
    void aClientThatStopsReadingHasItsFollowCutInsteadOfBufferedWithoutBound() throws Exception {
        server.post("/v2/functions", Manifests.function("chatty"));
        int written = 2000;
        try (RawHttp client = RawHttp.connect(server.controller().port(), 4096)) {
            client.send("GET /v2/functions/chatty/logs?follow=true&tail=0 HTTP/1.1\nHost: test\n\n");
            assertThat(client.readHead()).startsWith("HTTP/1.1 200");

            String filler = "x".repeat(8 * 1024);
            for (int i = 0; i < written; i++) server.logs().append(line("default", "chatty", i + filler));

            String received = client.readToEnd();
            int lines = received.split("\"stream\":\"stdout\"", -1).length - 1;
            assertThat(lines).isLessThan(written);
        }
        // The controller is none the worse for it.
        assertThat(server.get("/v2/functions/chatty/logs?tail=1").status()).isEqualTo(200);
    }

    private static LogLine line(String namespace, String function, String text) {
        return new LogLine(Instant.now(), namespace, function, "nodejs-1a2b3c", "stdout", text);
    }

    private static LogLine lineAt(Instant time, String text) {
        return new LogLine(time, "default", "hello", "nodejs-1a2b3c", "stdout", text);
    }

    private static List<JsonNode> jsonLines(String body) {
        return body.lines().filter(l -> !l.isBlank()).map(l -> Codec.fromJson(l, JsonNode.class)).toList();
    }

    private static String text(JsonNode line) {
        return line.path("text").asString();
    }

    private static List<String> texts(List<JsonNode> lines) {
        return lines.stream().map(LogsApiTest::text).toList();
    }
}
