package io.fissile.triggers.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a loopback port that answers the router's internal route
 * ({@code /fission-function/<name>}) with a few behaviours, and remembers every call:
 * <ul>
 *   <li>{@code echo}: 200 with {@code echo:<body>} and the header {@code X-Echoed: yes};</li>
 *   <li>{@code broken}: 500 {@code boom} every time;</li>
 *   <li>{@code flaky}: 503 on the first two calls with a given body, then as echo.</li>
 * </ul>
 */
public final class RouterStandIn implements AutoCloseable {
    /** One call as the function saw it. */
    public record Call(String function, String method, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();

    private RouterStandIn(HttpServer server) {
        this.server = server;
    }

    public static RouterStandIn start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RouterStandIn router = new RouterStandIn(server);
        server.createContext("/fission-function/", router::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return router;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> callsOf(String function) {
        return calls.stream().filter(c -> c.function().equals(function)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String function = exchange.getRequestURI().getPath().substring("/fission-function/".length());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(function, exchange.getRequestMethod(), headers, body));
        switch (function) {
            case "broken" -> respond(exchange, 500, "boom");
            case "flaky" -> {
                if (flakyAttempts.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet() <= 2) {
                    respond(exchange, 503, "not yet");
                } else {
                    echo(exchange, body);
                }
            }
            default -> echo(exchange, body);
        }
    }

    private static void echo(HttpExchange exchange, String body) throws IOException {
        exchange.getResponseHeaders().add("X-Echoed", "yes");
        respond(exchange, 200, "echo:" + body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
