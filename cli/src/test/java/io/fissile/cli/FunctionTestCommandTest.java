package io.fissile.cli;

import io.fissile.runtime.LogLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code fn test} against a stand-in router on a real socket, with the function's logs from a real controller. */
class FunctionTestCommandTest {
    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(server, dir);
        Files.writeString(dir.resolve("hello.js"), "module.exports = async () => ({status: 200, body: 'hello'});\n");
    }

    @Test
    void sendsTheMethodHeadersBodyQueryAndSubpathAndPrintsWhatTheFunctionAnswers() throws Exception {
        try (RouterStandIn router = RouterStandIn.start(RouterStandIn.status(200, "pong\n"))) {
            Cli.Run run = cli.run("fn", "test", "--name", "hello", "--router", router.url(), "--method", "post",
                    "-H", "X-Trace: abc-123", "-H", "Content-Type:text/plain", "-b", "ping",
                    "-q", "a=1", "-q", "who=big world", "--subpath", "items/7");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("pong\n");
            assertThat(run.err()).isEmpty();
            RouterStandIn.Request request = router.nextRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/fission-function/hello/items/7");
            assertThat(request.rawQuery()).isEqualTo("a=1&who=big+world");
            assertThat(request.header("X-Trace")).isEqualTo("abc-123");
            assertThat(request.header("Content-Type")).isEqualTo("text/plain");
            assertThat(request.body()).isEqualTo("ping");
        }
    }

    @Test
    void aFunctionOutsideTheDefaultNamespaceIsCalledOnItsNamespacedRouteAtFissileRouterUrl() throws Exception {
        try (RouterStandIn router = RouterStandIn.start(RouterStandIn.status(200, "ok"))) {
            Cli.Run run = cli.withEnvironment("FISSILE_ROUTER_URL", router.url()).run("fn", "test", "--name", "hello", "-n", "team-a");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("ok");
            RouterStandIn.Request request = router.nextRequest();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/fission-function/team-a/hello");
            assertThat(request.rawQuery()).isNull();
        }
    }

    @Test
    void theBodyIsPrintedAsItArrivesSoThatAStreamingFunctionIsSeenLive() throws Exception {
        CountDownLatch firstPartSeen = new CountDownLatch(1);
        try (RouterStandIn router = RouterStandIn.start(exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write("first part\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                firstPartSeen.await(15, TimeUnit.SECONDS);
                body.write("second part\n".getBytes(StandardCharsets.UTF_8));
            }
        })) {
            Cli.Running call = cli.start("fn", "test", "--name", "streamer", "--router", router.url());
            await().atMost(Duration.ofSeconds(15)).until(() -> call.out().equals("first part\n"));
            firstPartSeen.countDown();
            Cli.Run run = call.finish();

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("first part\nsecond part\n");
        }
    }

    @Test
    void anErrorAnswerPrintsTheStatusTheBodyAndTheFunctionsRecentLogLinesAndFails() throws Exception {
        cli.ok("fn", "create", "--name", "broken", "--env", "nodejs", "--code", "hello.js");
        server.logs().append(new LogLine(Instant.parse("2025-03-01T10:00:00Z"), "default", "broken", "nodejs-7f3a9c", "stderr",
                "TypeError: boom is not a function"));
        try (RouterStandIn router = RouterStandIn.start(RouterStandIn.status(500, "Internal error: boom\n"))) {
            Cli.Run run = cli.run("fn", "test", "--name", "broken", "--router", router.url());

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("""
                    Error: function 'broken' answered HTTP 500
                      Internal error: boom
                      Most recent log lines of function 'broken' (fissile fn logs --name broken):
                        [2025-03-01T10:00:00.000Z] [nodejs-7f3a9c stderr] TypeError: boom is not a function
                    """);
        }
    }

    @Test
    void aRouterThatIsNotRunningIsNamedWithHowToSetIt() throws IOException {
        cli.ok("fn", "create", "--name", "unreached", "--env", "nodejs", "--code", "hello.js");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        Cli.Run run = cli.withEnvironment("FISSILE_ROUTER_URL", url).run("fn", "test", "--name", "unreached");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Error: cannot reach the Fissile router at " + url + ". Is it running there? "
                + "Point the CLI at the router with --router URL or FISSILE_ROUTER_URL=URL.\n"
                + "  Most recent log lines of function 'unreached' (fissile fn logs --name unreached):\n"
                + "    (none)\n");
    }

    @Test
    void verbosityTwoShowsTheRequestAndTheAnswersStatusAndHeaders() throws Exception {
        try (RouterStandIn router = RouterStandIn.start(exchange -> {
            exchange.getResponseHeaders().add("X-Answer", "yes");
            RouterStandIn.status(201, "made").write(exchange);
        })) {
            Cli.Run run = cli.run("fn", "test", "--name", "hello", "--router", router.url(), "-v", "2");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).isEqualTo("made");
            assertThat(run.err()).startsWith("GET " + router.url() + "/fission-function/hello\n")
                    .contains("HTTP/1.1 201\n")
                    .containsIgnoringCase("X-Answer: yes\n");
        }
    }

    @Test
    void aFunctionThatDoesNotAnswerInTimeFailsAfterTheTimeout() throws Exception {
        CountDownLatch testDone = new CountDownLatch(1);
        try (RouterStandIn router = RouterStandIn.start(exchange -> {
            testDone.await(30, TimeUnit.SECONDS);
            RouterStandIn.status(200, "too late").write(exchange);
        })) {
            Cli.Run run = cli.run("fn", "test", "--name", "slow", "--router", router.url(), "-t", "1s");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("Error: function 'slow' did not answer in full within 1s; "
                    + "give it longer with --timeout, or 0 for no limit\n");
        } finally {
            testDone.countDown();
        }
    }
}
