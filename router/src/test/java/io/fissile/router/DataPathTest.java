package io.fissile.router;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What travels through the router between a client and a plain instance process (node): streams,
 * server-sent events, WebSockets, framing and hop-by-hop headers, connection failures, clients that
 * leave, and the keep-alive pool. Requests go to the internal route {@code /fission-function/plain},
 * which forwards what follows it to the instance; the tests ask the instance directly what it saw.
 */
class DataPathTest {
    private static final String ROUTE = "/fission-function/plain";

    @TempDir
    static Path directory;
    static ListeningProcess instance;
    static PlainInstanceClient seenByInstance;
    static LeasingExecutor executor;
    static RouterHarness router;
    static final List<RequestRecord> records = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        instance = PlainInstance.start();
        seenByInstance = new PlainInstanceClient(instance.address());
        executor = new LeasingExecutor(instance);
        router = RouterHarness.start(directory, executor, new RouterOptions().crashReportWaitMillis(200).observer(records::add));
        router.createFunction("plain");
        router.awaitStatus(ROUTE + "/status?code=200", 200);
    }

    @AfterAll
    static void stop() {
        if (router != null) router.close();
        if (seenByInstance != null) seenByInstance.close();
        if (executor != null) executor.close();
    }

    @AfterEach
    void everyLeaseWasHandedBackExactlyOnce() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(executor.leases()).allSatisfy(lease -> assertThat(lease.releases()).hasSize(1)));
    }

    // --- streaming

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void eachServerSentEventReachesTheClientBeforeTheFunctionWritesTheNext() throws Exception {
        HttpResponse<InputStream> answer = router.send(router.request(ROUTE + "/events?id=sse&count=3"), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(answer.headers().firstValue("Content-Length")).isEmpty();
        try (BufferedReader events = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            // The instance writes event n+1 only when told, and it is told only once event n has arrived.
            for (int event = 1; event <= 3; event++) {
                assertThat(events.readLine()).isEqualTo("data: " + event);
                assertThat(events.readLine()).isEmpty();
                if (event < 3) seenByInstance.next("sse");
            }
            assertThat(events.readLine()).isNull();
        }
    }

    @Test
    void aSizedUploadStaysSizedAndAChunkedOneStaysChunked() {
        int size = 3 * 1024 * 1024 + 7;

        String sized = router.send(router.request(ROUTE + "/check").POST(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> PatternBytes.stream(size)), size))).body();
        String chunked = router.send(router.request(ROUTE + "/check")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> PatternBytes.stream(size)))).body();

        assertThat(sized).contains("\"bytes\":" + size, "\"intact\":true", "\"contentLength\":\"" + size + "\"", "\"transferEncoding\":null");
        assertThat(chunked).contains("\"bytes\":" + size, "\"intact\":true", "\"contentLength\":null", "\"transferEncoding\":\"chunked\"");
    }

    @Test
    void aSizedAnswerKeepsItsContentLengthAndAStreamedOneIsChunked() {
        String sized = rawGet(ROUTE + "/bytes?count=100000");
        String streamed = rawGet(ROUTE + "/bytes?count=100000&chunked=1");

        assertThat(head(sized)).contains("Content-Length: 100000").doesNotContainIgnoringCase("Transfer-Encoding");
        assertThat(head(streamed)).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContainIgnoringCase("Content-Length");
    }

    @Test
    void theFunctionsHopByHopHeadersStopAtTheRouterWithThoseItsConnectionHeaderNames() {
        String answer = rawGet(ROUTE + "/hop");

        assertThat(head(answer)).startsWith("HTTP/1.1 200 OK").contains("X-Public: yes", "Content-Length: 6")
                .doesNotContainIgnoringCase("X-Private").doesNotContainIgnoringCase("Keep-Alive")
                .doesNotContainIgnoringCase("Connection: keep-alive");
        assertThat(answer).endsWith("\r\n\r\nhop!!\n");
    }

    // --- WebSockets

    @Test
    void aWebSocketEchoesBothWaysAndHoldsItsLeaseUntilItCloses() throws Exception {
        int before = executor.leases().size();
        Messages messages = new Messages();
        try (HttpClient http = HttpClient.newHttpClient()) {
            WebSocket socket = http.newWebSocketBuilder().buildAsync(webSocketUri("/ws"), messages).get(30, TimeUnit.SECONDS);

            socket.sendText("hello through the router", true).get(10, TimeUnit.SECONDS);
            assertThat(messages.next()).isEqualTo("hello through the router");
            socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
            assertThat(messages.next()).isEqualTo("binary 3 bytes");
            // Between messages the socket keeps its lease: its instance is in use, not idle.
            assertThat(executor.leases()).hasSize(before + 1);
            assertThat(executor.leases().getLast().releases()).isEmpty();

            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            assertThat(messages.closed.get(10, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(executor.leases().getLast().releases()).containsExactly("released"));
        await().atMost(Duration.ofSeconds(10)).until(() -> records.stream().anyMatch(record -> record.status() == 101));
    }

    @Test
    void aWebSocketTheFunctionRefusesGetsTheFunctionsAnswer() {
        try (HttpClient http = HttpClient.newHttpClient()) {
            CompletableFuture<WebSocket> refused = http.newWebSocketBuilder()
                    .buildAsync(webSocketUri("/refuse"), new Messages());

            assertThatThrownBy(() -> refused.get(30, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                    e -> assertThat(e.getResponse().statusCode()).isEqualTo(403));
        }
    }

    // --- failures

    @Test
    void aRequestTheInstanceReadThenDroppedIsNotSentAgainAndTheClientGets502() {
        int before = executor.leases().size();

        HttpResponse<String> answer = router.send(router.request(ROUTE + "/drop?id=dropped").POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))));

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).startsWith("function plain closed the connection without answering: ");
        assertThat(seenByInstance.stats("dropped").requests()).isEqualTo(1);
        assertThat(executor.leases()).hasSize(before + 1);
        assertThat(executor.leases().getLast().releases()).singleElement().asString().startsWith("broken: ");
    }

    @Test
    void aClientThatLeavesBeforeTheAnswerCutsTheFunctionsConnectionAndIsRecordedAs499() {
        try (RawHttp client = new RawHttp(router.port())) {
            client.send("GET " + ROUTE + "/hold?id=left-early HTTP/1.1", "Host: 127.0.0.1");
            await().atMost(Duration.ofSeconds(10)).until(() -> seenByInstance.held("left-early").equals("open"));
        }

        assertTheRequestWasCutAndRecordedAs499("left-early");
    }

    @Test
    void aClientThatLeavesMidAnswerCutsTheFunctionsConnectionAndIsRecordedAs499() {
        try (RawHttp client = new RawHttp(router.port())) {
            client.send("GET " + ROUTE + "/hold?id=left-midway&head=1 HTTP/1.1", "Host: 127.0.0.1");
            assertThat(client.readUntil("held\n")).startsWith("HTTP/1.1 200 OK");
        }

        assertTheRequestWasCutAndRecordedAs499("left-midway");
    }

    private static void assertTheRequestWasCutAndRecordedAs499(String id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> seenByInstance.held(id).equals("closed"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(executor.leases().getLast().releases()).containsExactly("released"));
        await().atMost(Duration.ofSeconds(10)).until(() -> records.getLast().status() == RequestRecord.CLIENT_CLOSED_REQUEST);
    }

    // --- HTTP/1.1 framing the router does itself

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyCame() {
        try (RawHttp client = new RawHttp(router.port())) {
            String answers = client.sendRaw("GET " + ROUTE + "/sleep?ms=200 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET " + ROUTE + "/status?code=202 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readAll();

            assertThat(answers).startsWith("HTTP/1.1 200 OK");
            assertThat(answers.indexOf("{\"slept\":200}")).isLessThan(answers.indexOf("HTTP/1.1 202"));
            assertThat(answers).contains("status 202\n");
        }
    }

    @Test
    void anHttp10ClientGetsAChunkedAnswerAsItsBytesAloneEndedByTheClose() {
        try (RawHttp client = new RawHttp(router.port())) {
            String answer = client.send("GET " + ROUTE + "/bytes?count=70000&chunked=1 HTTP/1.0").readAll();

            assertThat(head(answer)).startsWith("HTTP/1.1 200").contains("Connection: close")
                    .doesNotContainIgnoringCase("Transfer-Encoding");
            assertThat(answer.length() - head(answer).length() - 4).isEqualTo(70_000);
        }
    }

    @Test
    void anAnswerEndedByItsConnectionClosingReachesTheClientChunkedAndTheClientKeepsItsConnection() {
        try (RawHttp client = new RawHttp(router.port())) {
            String streamed = client.send("GET " + ROUTE + "/raw-close HTTP/1.1", "Host: x").readUntil("0\r\n\r\n");
            String next = client.send("GET " + ROUTE + "/status?code=200 HTTP/1.1", "Host: x", "Connection: close").readAll();

            assertThat(head(streamed)).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContainIgnoringCase("Connection: close");
            assertThat(streamed).contains("first\n", "second\n");
            assertThat(next).startsWith("HTTP/1.1 200 OK").contains("status 200\n");
        }
    }

    @Test
    void aClientThatExpectsContinueIsToldToSendItsBodyOnceAnInstanceIsReady() {
        try (RawHttp client = new RawHttp(router.port())) {
            String interim = client.send("POST " + ROUTE + "/check HTTP/1.1", "Host: x", "Content-Length: 5", "Expect: 100-continue")
                    .readUntil("\r\n\r\n");
            String answer = client.sendRaw("hello").readUntil("}");

            assertThat(interim).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("\"bytes\":5");
        }
    }

    @Test
    void aMalformedRequestGets400AndAnOversizedHead431BeforeTheConnectionCloses() {
        try (RawHttp client = new RawHttp(router.port())) {
            assertThat(client.send("GET /a b c HTTP/1.1", "Host: x").readAll()).startsWith("HTTP/1.1 400 ").contains("malformed HTTP version");
        }
        try (RawHttp client = new RawHttp(router.port())) {
            assertThat(client.send("GET " + ROUTE + "/status?code=200 HTTP/1.1", "Host: x", "X-Big: " + "b".repeat(40_000)).readAll())
                    .startsWith("HTTP/1.1 431 ");
        }
        try (RawHttp client = new RawHttp(router.port())) {
            assertThat(client.send("POST " + ROUTE + "/check HTTP/1.1", "Host: x", "Content-Length: 5", "Content-Length: 6").readAll())
                    .startsWith("HTTP/1.1 400 ").contains("malformed Content-Length");
        }
    }

    // --- the keep-alive pool

    @Test
    void requestsReuseKeptAliveConnectionsToTheInstance() {
        for (int i = 0; i < 50; i++) {
            assertThat(router.get(ROUTE + "/status?code=200&id=reused").statusCode()).isEqualTo(200);
        }

        PlainInstanceClient.Stats seen = seenByInstance.stats("reused");
        assertThat(seen.requests()).isEqualTo(50);
        assertThat(seen.connections()).isLessThanOrEqualTo(new RouterOptions().eventLoops());
    }

    @Test
    void noMoreConnectionsToAnInstanceThanAllowedAndTheRestWait() throws Exception {
        LeasingExecutor sameInstance = new LeasingExecutor(instance);
        try (RouterHarness limited = RouterHarness.start(directory.resolve("limited"), sameInstance,
                new RouterOptions().eventLoops(1).maxConnectionsPerInstance(2))) {
            limited.createFunction("plain");
            limited.awaitStatus(ROUTE + "/status?code=200", 200);

            List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> limited.get(ROUTE + "/sleep?ms=300&id=limited"))).toList();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200));
            PlainInstanceClient.Stats seen = seenByInstance.stats("limited");
            assertThat(seen.requests()).isEqualTo(8);
            assertThat(seen.maxInFlight()).isEqualTo(2);
            assertThat(seen.connections()).isEqualTo(2);
        }
    }

    /** A GET written by hand that closes the connection after the answer, so the raw answer shows its framing. */
    private static String rawGet(String path) {
        try (RawHttp http = new RawHttp(router.port())) {
            return http.send("GET " + path + " HTTP/1.1", "Host: 127.0.0.1:" + router.port(), "Connection: close").readAll();
        }
    }

    private static URI webSocketUri(String path) {
        return URI.create("ws://127.0.0.1:" + router.port() + ROUTE + path);
    }

    private static String head(String rawAnswer) {
        return rawAnswer.substring(0, rawAnswer.indexOf("\r\n\r\n"));
    }

    /** Collects a WebSocket's messages as text (a binary one as its length) and its closing. */
    private static final class Messages implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            received.add("binary " + data.remaining() + " bytes");
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }

        String next() throws InterruptedException {
            String message = received.poll(10, TimeUnit.SECONDS);
            if (message == null) throw new CompletionException(new IllegalStateException("no message within 10 s"));
            return message;
        }
    }
}
