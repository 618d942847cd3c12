package io.fissile.triggers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Calls a function the way every non-HTTP trigger does in Fission: through the router's internal
 * route ({@code /fission-function/<name>} in the default namespace,
 * {@code /fission-function/<namespace>/<name>} elsewhere, then the subpath), so that the router's capacity
 * limits, timeouts, canary weights and metrics apply to trigger calls as they do to HTTP requests.
 * Safe for concurrent use; one instance serves every trigger.
 */
public final class FunctionInvoker {
    private final URI routerUrl;
    private final HttpClient http;

    /** @param routerUrl where the router answers, e.g. {@code http://127.0.0.1:8888} */
    public FunctionInvoker(URI routerUrl) {
        this.routerUrl = routerUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One call's answer: the function's status, headers (first value of each) and body. */
    public record Result(int status, Map<String, String> headers, byte[] body) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }

        public String bodyAsString() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends one request and waits for the whole response.
     *
     * @param subpath appended to the function's internal route ({@code ""} or starting with {@code /})
     * @param timeout how long to wait for the whole response
     * @throws IOException when the router cannot be reached or the call times out
     */
    public Result invoke(String namespace, String function, String method, String subpath,
                         Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(functionUri(namespace, function, subpath))
                .timeout(timeout)
                .method(method, body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> first = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) first.put(name, values.getFirst());
        });
        return new Result(response.statusCode(), first, response.body());
    }

    URI functionUri(String namespace, String function, String subpath) {
        String qualified = namespace == null || namespace.isEmpty() || namespace.equals("default")
                ? segment(function) : segment(namespace) + "/" + segment(function);
        String path = "/fission-function/" + qualified + normalised(subpath);
        return routerUrl.resolve(path);
    }

    private static String normalised(String subpath) {
        if (subpath == null || subpath.isEmpty() || subpath.equals("/")) return "";
        return subpath.startsWith("/") ? subpath : "/" + subpath;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
