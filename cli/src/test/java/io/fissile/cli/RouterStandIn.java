package io.fissile.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays the router for {@code fn test}: a real HTTP server on a free port of 127.0.0.1 that answers
 * Fission's internal routes, {@code /fission-function/...}, as the test says, and keeps every
 * request it received.
 */
final class RouterStandIn implements AutoCloseable {
    /** How the stand-in answers; it may write the body in pieces. */
    @FunctionalInterface
    interface Answer {
        void write(HttpExchange exchange) throws Exception;
    }

    /** A request as it arrived. */
    record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.getFirst();
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

    private RouterStandIn(HttpServer server) {
        this.server = server;
    }

    static RouterStandIn start(Answer answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RouterStandIn router = new RouterStandIn(server);
        server.createContext("/fission-function/", exchange -> {
            try (exchange) {
                router.requests.add(router.received(exchange));
                answer.write(exchange);
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return router;
    }

    /** An answer with a status and a whole body. */
    static Answer status(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request received; fails if none came. */
    Request nextRequest() throws InterruptedException {
        Request request = requests.poll(10, TimeUnit.SECONDS);
        if (request == null) throw new AssertionError("the router received no request");
        return request;
    }

    private Request received(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
