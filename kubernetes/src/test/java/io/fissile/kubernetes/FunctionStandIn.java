package io.fissile.kubernetes;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 standing where the router's internal route is: it receives
 * exactly the requests the router would (path {@code /fission-function/<name>}, headers, body),
 * records them and answers 200, or 500 to the next {@link #failNext} requests.
 */
final class FunctionStandIn implements AutoCloseable {

    /** One request as the function would see it. */
    record Call(String method, String path, String eventType, String objectType, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    FunctionStandIn() throws IOException {
        this(0);
    }

    /** A stand-in on a given port (0: any free one). */
    static FunctionStandIn on(int port) throws IOException {
        return new FunctionStandIn(port);
    }

    private FunctionStandIn(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("X-Kubernetes-Event-Type"),
                    exchange.getRequestHeaders().getFirst("X-Kubernetes-Object-Type"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            boolean fail = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (fail ? "function failed" : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The calls made to one function, in the order they came. */
    List<Call> callsTo(String function) {
        return calls.stream().filter(c -> c.path().equals("/fission-function/" + function)).toList();
    }

    void failNext(int requests) {
        failures.set(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
