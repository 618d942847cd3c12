package io.fissile.controller;

import io.fissile.api.Codec;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A stream of JSON lines (a watch, a followed log) read on a thread of its own, each line queued as JSON. */
final class WatchLines implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean ended;

    private WatchLines(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    static WatchLines open(ControllerFixture server, String pathAndQuery) {
        try {
            return new WatchLines(server.http().send(HttpRequest.newBuilder(server.uri(pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event; fails if none comes in good time. */
    JsonNode next() throws InterruptedException {
        JsonNode event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) throw new AssertionError("no watch event within " + WAIT);
        return event;
    }

    /** True once the server has ended the stream. */
    boolean ended() {
        return ended;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (!line.isBlank()) events.add(Codec.fromJson(line, JsonNode.class));
            }
        } catch (IOException e) {
            // The stream was cut or closed by the test: either way it has ended.
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
        try {
            reader.join(WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String type(JsonNode event) {
        return event.path("type").asString();
    }

    static String name(JsonNode event) {
        return event.path("object").path("metadata").path("name").asString();
    }
}
