package io.fissile.runtime.local;

import io.fissile.runtime.Instance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Talks to an instance as the executor and the router do: specialize, then requests. */
final class InstanceClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private InstanceClient() {
    }

    /** {@code POST /v2/specialize} with a package at {@code filepath} (as the instance sees it). */
    static HttpResponse<String> specialize(Instance instance, String filepath, String functionName)
            throws IOException, InterruptedException {
        String body = "{\"filepath\": \"" + filepath + "\", \"functionName\": \"" + functionName + "\", \"url\": \"\"}";
        HttpRequest request = HttpRequest.newBuilder(uri(instance, "/v2/specialize"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(Instance instance, String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(instance, pathAndQuery)).timeout(REQUEST_TIMEOUT).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Instance instance, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(instance, path)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Instance instance, String pathAndQuery) {
        return URI.create("http://" + instance.address().getHostString() + ":" + instance.address().getPort() + pathAndQuery);
    }
}
