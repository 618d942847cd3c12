package io.fissile.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a plain instance directly, past the router, what it saw: the second channel of the data
 * path tests.
 */
final class PlainInstanceClient implements AutoCloseable {
    private final InetSocketAddress address;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    PlainInstanceClient(InetSocketAddress address) {
        this.address = address;
    }

    /** What the instance saw of the requests that carried {@code ?id=id}. */
    Stats stats(String id) {
        return Stats.parse(get("/stats?id=" + id));
    }

    /** Whether the request held under {@code id} still has its connection: open, closed or unknown. */
    String held(String id) {
        return get("/held?id=" + id).replaceAll(".*\"state\":\"([a-z]+)\".*", "$1");
    }

    /** Lets the event stream {@code id} write its next event. */
    void next(String id) {
        get("/next?id=" + id);
    }

    private String get(String pathAndQuery) {
        URI uri = URI.create("http://127.0.0.1:" + address.getPort() + pathAndQuery);
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }

    /**
     * @param requests    requests the instance received
     * @param connections the connections they came on
     * @param maxInFlight the most that were being answered at once
     */
    record Stats(int requests, int connections, int maxInFlight) {
        private static Stats parse(String json) {
            return new Stats(field(json, "requests"), field(json, "connections"), field(json, "maxInFlight"));
        }

        private static int field(String json, String name) {
            Matcher value = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
            if (!value.find()) throw new IllegalStateException("no " + name + " in " + json);
            return Integer.parseInt(value.group(1));
        }
    }
}
