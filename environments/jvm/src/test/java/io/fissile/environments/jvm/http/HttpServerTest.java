package io.fissile.environments.jvm.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 server on a real socket, spoken to byte by byte. */
class HttpServerTest {

    private HttpServer server;
    private Socket socket;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), HttpServerTest::answer);
        socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(30_000);
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        server.close();
    }

    /** Echoes the request; "/stream" answers in three flushed parts; "/ignore-body" never reads the body. */
    private static void answer(HttpExchange exchange) throws IOException {
        switch (exchange.path()) {
            case "/stream" -> {
                try (OutputStream out = exchange.respondStreaming(200, Map.of("X-Streamed", List.of("yes")))) {
                    for (String part : List.of("one ", "two ", "three")) {
                        out.write(part.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
            case "/ignore-body" -> exchange.respondText(200, "ignored");
            default -> {
                String body = new String(exchange.body().readAllBytes(), StandardCharsets.UTF_8);
                exchange.respondText(200, exchange.method() + " " + exchange.target() + " [" + body + "]");
            }
        }
    }

    @Test
    void keepsTheConnectionOpenBetweenRequests() throws IOException {
        send("GET /first HTTP/1.1\r\nHost: x\r\n\r\n");
        RawResponse first = RawResponse.read(in());
        send("POST /second HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        RawResponse second = RawResponse.read(in());

        assertThat(first.body()).isEqualTo("GET /first []");
        assertThat(second.body()).isEqualTo("POST /second [hello]");
        assertThat(second.headers()).containsKey("Date").doesNotContainKey("Connection");
    }

    @Test
    void answersPipelinedRequestsInOrder() throws IOException {
        send("GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nxyz"
                + "GET /c HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(RawResponse.read(in()).body()).isEqualTo("GET /a []");
        assertThat(RawResponse.read(in()).body()).isEqualTo("POST /b [xyz]");
        assertThat(RawResponse.read(in()).body()).isEqualTo("GET /c []");
    }

    @Test
    void decodesAChunkedRequestBodyWithExtensionsAndTrailers() throws IOException {
        send("POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;note=ignored\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\n");

        assertThat(RawResponse.read(in()).body()).isEqualTo("POST /chunked [Wikipedia]");
        send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(RawResponse.read(in()).body()).isEqualTo("GET /after []");
    }

    @Test
    void streamsAResponseInChunks() throws IOException {
        send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
        RawResponse response = RawResponse.read(in());

        assertThat(response.headers()).containsEntry("Transfer-Encoding", "chunked").containsEntry("X-Streamed", "yes");
        assertThat(response.body()).isEqualTo("one two three");
    }

    @Test
    void sendsContinueBeforeReadingABodyTheClientHoldsBack() throws IOException {
        send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");

        assertThat(RawResponse.line(in())).isEqualTo("HTTP/1.1 100 Continue");
        assertThat(RawResponse.line(in())).isEmpty();
        send("data");
        assertThat(RawResponse.read(in()).body()).isEqualTo("POST /upload [data]");
    }

    @Test
    void skipsABodyTheHandlerDidNotRead() throws IOException {
        send("POST /ignore-body HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789GET /next HTTP/1.1\r\n\r\n");

        assertThat(RawResponse.read(in()).body()).isEqualTo("ignored");
        assertThat(RawResponse.read(in()).body()).isEqualTo("GET /next []");
    }

    @Test
    void closesAfterAnHttp10RequestOrConnectionClose() throws IOException {
        send("GET /old HTTP/1.0\r\n\r\n");
        RawResponse response = RawResponse.read(in());

        assertThat(response.body()).isEqualTo("GET /old []");
        assertThat(response.headers()).containsEntry("Connection", "close");
        assertThat(in().read()).isEqualTo(-1);
    }

    @Test
    void refusesMalformedRequestsAndCloses() throws IOException {
        send("NOT A VALID REQUEST LINE\r\n\r\n");
        RawResponse response = RawResponse.read(in());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers()).containsEntry("Connection", "close");
        assertThat(in().read()).isEqualTo(-1);
    }

    @Test
    void refusesConflictingContentLengths() throws IOException {
        send("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");

        assertThat(RawResponse.read(in()).status()).isEqualTo(400);
    }

    @Test
    void refusesHeadersBeyond64KiB() throws IOException {
        send("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(70_000) + "\r\n\r\n");

        assertThat(RawResponse.read(in()).status()).isEqualTo(431);
    }

    @Test
    void refusesUnknownHttpVersions() throws IOException {
        send("GET / HTTP/2.0\r\n\r\n");

        assertThat(RawResponse.read(in()).status()).isEqualTo(505);
    }

    private void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    private InputStream in() throws IOException {
        return socket.getInputStream();
    }
}
