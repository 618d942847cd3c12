package io.fissile.bench.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GET requests timed from the moment the request is handed to the client until the whole body has
 * arrived. One client, so that connections to the router are reused and a cold start is not
 * measured with a TCP handshake it would not have in production.
 */
public final class TimedGet {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public record Answer(int status, String body, double millis) {
        public boolean ok() {
            return status == 200;
        }
    }

    public Answer get(URI url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        double millis = (System.nanoTime() - start) / 1e6;
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), millis);
    }
}
