package io.fissile.router;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The router in front of a real jvm runtime instance: what a client and a function see. */
class ProxyingTest {
    @TempDir
    static Path directory;
    static LeasingExecutor executor;
    static RouterHarness router;
    static Function hello;

    @BeforeAll
    static void start() {
        JvmRuntimeInstance instance = JvmRuntimeInstance.start(ProbeFunction.jar(directory.resolve("fn")), ProbeFunction.CLASS_NAME,
                directory.resolve("instance"));
        executor = new LeasingExecutor(instance);
        router = RouterHarness.start(directory, executor, new RouterOptions());
        hello = router.createFunction("hello");
        router.route("hello", "/hello", "hello");
        router.awaitStatus("/hello", 200);
    }

    @AfterAll
    static void stop() {
        if (router != null) router.close();
        if (executor != null) executor.close();
    }

    @AfterEach
    void everyLeaseWasReleasedExactlyOnce() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(executor.leases()).allSatisfy(lease -> assertThat(lease.releases()).containsExactly("released")));
    }

    @Test
    void aRequestReachesTheFunctionAndItsAnswerComesBack() {
        HttpResponse<String> answer = router.get("/hello");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("method GET\n", "uri /hello\n");
    }

    @Test
    void theQueryStringReachesTheFunctionUnchanged() {
        assertThat(router.get("/hello?name=a%20b&tag=x&tag=y").body()).contains("uri /hello?name=a%20b&tag=x&tag=y\n");
    }

    @Test
    void theFunctionLearnsWhoItIsAndWhoAsked() {
        HttpResponse<String> answer = router.get("/hello?x=1");

        int port = router.port();
        assertThat(answer.body()).contains(
                "header X-Fission-Function-Name: hello\n",
                "header X-Fission-Function-Namespace: default\n",
                "header X-Fission-Function-Uid: " + hello.metadata().uid() + "\n",
                "header X-Fission-Function-Resourceversion: " + hello.metadata().resourceVersion() + "\n",
                "header X-Fission-Full-Url: /hello?x=1\n",
                "header X-Forwarded-For: 127.0.0.1\n",
                "header X-Forwarded-Proto: http\n",
                "header X-Forwarded-Host: 127.0.0.1:" + port + "\n",
                "header Forwarded: for=127.0.0.1;host=\"127.0.0.1:" + port + "\";proto=http\n");
    }

    @Test
    void anEarlierProxysForwardingHeadersAreExtendedNotReplaced() {
        String answer = rawGet("/hello",
                "X-Forwarded-For: 203.0.113.9",
                "X-Forwarded-Proto: https",
                "X-Forwarded-Host: shop.example.com",
                "Forwarded: for=203.0.113.9;proto=https");

        assertThat(answer).contains(
                "header X-Forwarded-For: 203.0.113.9, 127.0.0.1\n",
                "header X-Forwarded-Proto: https\n",
                "header X-Forwarded-Host: shop.example.com\n",
                "header Forwarded: for=203.0.113.9;proto=https, for=127.0.0.1;host=");
    }

    @Test
    void hopByHopRequestHeadersStopAtTheRouter() {
        String answer = rawGet("/hello",
                "Connection: close, X-Named-By-Connection",
                "X-Named-By-Connection: secret",
                "Keep-Alive: timeout=5",
                "TE: trailers",
                "Proxy-Authorization: Basic c2VjcmV0",
                "X-Fission-Params-Injected: evil",
                "X-Kept: yes");

        assertThat(answer).contains("header X-Kept: yes\n");
        assertThat(answer.toLowerCase()).doesNotContain("x-named-by-connection", "keep-alive: timeout", "header te:",
                "proxy-authorization", "x-fission-params-injected");
    }

    @Test
    void theFunctionsStatusHeadersAndBodyPassUntouchedLessHopByHopHeaders() {
        for (int status : List.of(201, 404, 418, 500, 503)) {
            HttpResponse<String> answer = router.get("/hello?action=status&code=" + status);

            assertThat(answer.statusCode()).isEqualTo(status);
            assertThat(answer.body()).isEqualTo("status " + status + " from the function\n");
            assertThat(answer.headers().firstValue("X-Function-Header")).hasValue("kept");
            assertThat(answer.headers().map()).doesNotContainKeys("keep-alive", "proxy-authenticate");
        }
    }

    @Test
    void aJsonBodyMakesTheRoundTrip() {
        router.createTrigger("json", spec -> spec.relativeUrl("/json").methods(List.of("POST")).functionRef(FunctionReference.byName("hello")));
        String json = "{\"name\":\"Ada\",\"langs\":[\"en\",\"fr\"],\"n\":1.5}";

        HttpResponse<String> answer = await().atMost(Duration.ofSeconds(30)).until(() -> router.send(router.request("/json?action=echo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))), a -> a.statusCode() == 200);

        assertThat(answer.body()).isEqualTo(json);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void pathParametersReachTheFunctionAsFissionHeaders() {
        router.route("params", "/users/{userId}/items/{id:[0-9]+}", "hello");

        HttpResponse<String> answer = router.awaitStatus("/users/J%C3%BCrgen/items/42", 200);

        assertThat(answer.body()).contains(
                "uri /users/J%C3%BCrgen/items/42\n",
                "header X-Fission-Params-Userid: J%C3%BCrgen\n",
                "header X-Fission-Params-Id: 42\n");
        assertThat(router.get("/users/ann/items/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void aPrefixRouteForwardsWhatFollowsThePrefixUnlessItKeepsIt() {
        router.createTrigger("stripped", spec -> spec.prefix("/api").functionRef(FunctionReference.byName("hello")));
        router.createTrigger("kept", spec -> spec.prefix("/kept/").keepPrefix(true).functionRef(FunctionReference.byName("hello")));

        assertThat(router.awaitStatus("/api/v1/orders?limit=2", 200).body()).contains("uri /v1/orders?limit=2\n");
        assertThat(router.get("/api").body()).contains("uri /\n");
        assertThat(router.awaitStatus("/kept/v1/orders", 200).body()).contains("uri /kept/v1/orders\n");
        assertThat(router.get("/kept").statusCode()).isEqualTo(404);
    }

    @Test
    void everyFunctionHasItsInternalRouteForEveryMethod() {
        router.createFunction("team-a", "worker", spec -> { });

        assertThat(router.get("/fission-function/hello/sub/path?q=1").body()).contains("method GET\n", "uri /sub/path?q=1\n");
        HttpResponse<String> posted = router.send(router.request("/fission-function/hello").POST(HttpRequest.BodyPublishers.ofString("hi")));
        assertThat(posted.body()).contains("method POST\n", "uri /\n", "body hi\n");
        assertThat(router.awaitStatus("/fission-function/team-a/worker", 200).body()).contains("header X-Fission-Function-Namespace: team-a\n");
    }

    @Test
    void aMethodTheRouteDoesNotAnswerGets405NamingTheAllowedOnes() {
        router.createTrigger("post-only", spec -> spec.relativeUrl("/submit").methods(List.of("POST", "PUT")).functionRef(FunctionReference.byName("hello")));
        await().atMost(Duration.ofSeconds(30)).until(() -> router.get("/submit").statusCode() == 405);

        HttpResponse<String> refused = router.get("/submit");
        assertThat(refused.body()).isEqualTo("method GET is not allowed for /submit; allowed: POST, PUT\n");
        assertThat(refused.headers().firstValue("Allow")).hasValue("POST, PUT");
        assertThat(router.send(router.request("/submit").POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode()).isEqualTo(200);
    }

    @Test
    void aPathWithoutARouteGets404SayingSo() {
        HttpResponse<String> answer = router.get("/nowhere/to/go?x=1");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("no function route for GET /nowhere/to/go\n");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void theRootAndTheHealthCheckAnswerWhenNoRouteClaimsThem() {
        assertThat(router.get("/").statusCode()).isEqualTo(200);
        assertThat(router.get("/router-healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void routesAddedChangedAndRemovedTakeEffectWithoutARestart() {
        HTTPTrigger trigger = router.route("moving", "/before", "hello");
        router.awaitStatus("/before", 200);

        trigger.spec().relativeUrl("/after");
        router.store().update(trigger);
        router.awaitStatus("/after", 200);
        router.awaitStatus("/before", 404);

        router.store().delete(Kinds.HTTP_TRIGGER, "default", "moving");
        router.awaitStatus("/after", 404);
    }

    @Test
    void aHundredMebibytesStreamBothWaysIntact() throws Exception {
        router.createTrigger("upload", spec -> spec.relativeUrl("/upload").methods(List.of("POST")).functionRef(FunctionReference.byName("hello")));
        await().atMost(Duration.ofSeconds(30)).until(() -> router.get("/upload").statusCode() == 405);
        long size = 100L * 1024 * 1024;
        MessageDigest sent = MessageDigest.getInstance("SHA-256");

        HttpResponse<InputStream> answer = router.send(router.request("/upload?action=echo")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new PatternStream(size, sent)), size)),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(size);
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                received.update(buffer, 0, read);
                count += read;
            }
        }
        assertThat(count).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    }

    /** A GET written by hand, so that any header can be sent; the connection closes after the answer. */
    private String rawGet(String path, String... headers) {
        List<String> lines = new ArrayList<>(List.of("GET " + path + " HTTP/1.1", "Host: 127.0.0.1:" + router.port()));
        lines.addAll(List.of(headers));
        if (lines.stream().noneMatch(line -> line.startsWith("Connection:"))) lines.add("Connection: close");
        try (RawHttp http = new RawHttp(router.port())) {
            return http.send(lines.toArray(String[]::new)).readAll();
        }
    }

    /** A long deterministic byte sequence, digested as it is read. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private final MessageDigest digest;
        private long position;

        PatternStream(long size, MessageDigest digest) {
            this.size = size;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) return -1;
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) buffer[offset + i] = (byte) ((position + i) * 31 >>> 3);
            digest.update(buffer, offset, count);
            position += count;
            return count;
        }
    }
}
