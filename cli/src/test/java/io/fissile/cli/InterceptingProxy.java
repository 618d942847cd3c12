package io.fissile.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A forwarding hop between the CLI and the real controller that runs a given action just before
 * it forwards the first PUT: the way to make another writer change an object between the CLI's
 * read and its write.
 */
final class InterceptingProxy implements AutoCloseable {
    private static final Set<String> UNFORWARDED = Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final AtomicReference<Runnable> beforeFirstPut;

    InterceptingProxy(String target, Runnable beforeFirstPut) throws IOException {
        this.target = target;
        this.beforeFirstPut = new AtomicReference<>(beforeFirstPut);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (exchange.getRequestMethod().equals("PUT")) {
                Runnable action = beforeFirstPut.getAndSet(null);
                if (action != null) action.run();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!UNFORWARDED.contains(name.toLowerCase())) values.forEach(value -> request.header(name, value));
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!UNFORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) exchange.getResponseHeaders().put(name, values);
            });
            byte[] bytes = response.body();
            exchange.sendResponseHeaders(response.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
