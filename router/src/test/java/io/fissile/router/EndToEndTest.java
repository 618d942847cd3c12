package io.fissile.router;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router on the real platform: the pool manager specializes real nodejs, python and jvm
 * instances from packages in the store, and requests go through the router to them.
 */
class EndToEndTest {
    @TempDir
    static Path directory;
    static Platform platform;

    @BeforeAll
    static void start() {
        // A short wait for room, so that a function at its limit is refused quickly.
        platform = Platform.start(directory, options -> options.withRequestWait(Duration.ofMillis(500)));
        platform.environment("nodejs", "fission/node-env");
        platform.environment("python", "fission/python-env");
        platform.environment("jvm", "fission/jvm-env");
    }

    @AfterAll
    static void stop() {
        if (platform != null) platform.close();
    }

    private static byte[] text(String code) {
        return code.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void functionsInEachEnvironmentAnswerThroughTheirRoutes() {
        platform.function("node-hello", "nodejs", text("""
                module.exports = async (context) => ({ status: 200, body: 'node says hi to ' + context.request.query.name });
                """), "", spec -> { });
        platform.function("python-hello", "python", text("""
                from flask import request

                def main():
                    return 'python says hi to ' + request.args.get('name')
                """), "main", spec -> { });
        platform.function("jvm-hello", "jvm", JavaFunctionJar.bytes("greet.Greeter", """
                package greet;

                import io.fissile.function.Context;
                import io.fissile.function.Function;
                import io.fissile.function.Request;
                import io.fissile.function.Response;

                public final class Greeter implements Function {
                    @Override
                    public Response handle(Request request, Context context) {
                        return Response.ok("jvm says hi to " + request.param("name") + " from " + context.functionName());
                    }
                }
                """, directory.resolve("greeter")), "greet.Greeter", spec -> { });
        platform.route("node-hello", "/node/hello");
        platform.route("python-hello", "/python/hello");
        platform.route("jvm-hello", "/jvm/hello/{name}");

        assertThat(platform.awaitRouted("/node/hello?name=ann").body()).isEqualTo("node says hi to ann");
        assertThat(platform.awaitRouted("/python/hello?name=bob").body()).isEqualTo("python says hi to bob");
        assertThat(platform.awaitRouted("/jvm/hello/cy").body()).isEqualTo("jvm says hi to cy from jvm-hello");
        // Warm now: the same instances answer again.
        assertThat(platform.get("/node/hello?name=dee").body()).isEqualTo("node says hi to dee");
        assertThat(platform.get("/fission-function/python-hello?name=eve").body()).isEqualTo("python says hi to eve");
    }

    @Test
    void theFunctionSeesTheHeadersAndPathTheRouterSends() {
        platform.function("node-headers", "nodejs", text("""
                module.exports = async (context) => ({
                  status: 200,
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ url: context.request.url, raw: context.request.rawHeaders }),
                });
                """), "", spec -> { });
        platform.trigger("node-headers", spec -> spec.prefix("/tenants/{tenant}").functionRef(FunctionReference.byName("node-headers")));

        String body = platform.awaitRouted("/tenants/acme/orders/7?full=1").body();

        assertThat(body).contains("\"url\":\"/orders/7?full=1\"",
                "\"X-Fission-Params-Tenant\",\"acme\"",
                "\"X-Fission-Function-Name\",\"node-headers\"",
                "\"X-Fission-Function-Namespace\",\"default\"",
                "\"X-Fission-Full-Url\",\"/tenants/acme/orders/7?full=1\"",
                "\"X-Forwarded-For\",\"127.0.0.1\"");
    }

    @Test
    void aStreamedEventIsSeenBeforeTheFunctionIsAllowedToFinish() throws Exception {
        platform.function("node-gate", "nodejs", text("""
                let release = null;
                module.exports = async (context) => {
                  if (context.request.headers['x-action'] === 'release') {
                    const waiting = release;
                    release = null;
                    if (!waiting) return { status: 409, body: 'nothing waits' };
                    waiting();
                    return { status: 200, body: 'released' };
                  }
                  const res = context.response;
                  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
                  res.write('data: first\\n\\n');
                  await new Promise((resolve) => { release = resolve; });
                  res.end('data: second\\n\\n');
                };
                """), "", spec -> spec.requestsPerPod(2));
        platform.trigger("node-gate", spec -> spec.relativeUrl("/gate").methods(List.of("GET", "POST"))
                .functionRef(FunctionReference.byName("node-gate")));
        // Until the route is in and the instance up: 404, then 409 from the function itself.
        await().atMost(Duration.ofSeconds(90)).until(() -> release().statusCode() == 409);

        HttpResponse<InputStream> stream = platform.send(platform.request("/gate").GET(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).isEqualTo("data: first");
            assertThat(release().body()).isEqualTo("released");
            assertThat(events.readLine()).isEmpty();
            assertThat(events.readLine()).isEqualTo("data: second");
        }
    }

    private static HttpResponse<String> release() {
        return platform.send(platform.request("/gate").header("X-Action", "release").POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void aFunctionPastItsTimeoutGets504AndItsRoomBack() {
        platform.function("node-stuck", "nodejs", text("module.exports = () => new Promise(() => {});\n"), "",
                spec -> spec.functionTimeout(1));
        platform.route("node-stuck", "/stuck");

        HttpResponse<String> answer = platform.awaitRouted("/stuck");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.body()).isEqualTo("function node-stuck did not answer within its timeout of 1s\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.counts("node-stuck").requestsInFlight() == 0);
    }

    @Test
    void aFunctionWhoseProcessDiesMidRequestGets500AtOnceAndTheNextRequestANewInstance() {
        platform.function("node-crash", "nodejs", text("""
                module.exports = async (context) => {
                  if (context.request.query.crash) setTimeout(() => process.exit(7), 10);
                  else return { status: 200, body: 'alive' };
                  return new Promise(() => {});
                };
                """), "", spec -> { });
        platform.route("node-crash", "/crash");
        assertThat(platform.awaitRouted("/crash").body()).isEqualTo("alive");

        // Its timeout is 60 s: an answer within the client's 20 s shows the crash was noticed, not waited out.
        HttpResponse<String> crashed = platform.send(platform.request("/crash?crash=1").timeout(Duration.ofSeconds(20)).GET());

        assertThat(crashed.statusCode()).isEqualTo(500);
        assertThat(crashed.body()).startsWith("function node-crash crashed: ").contains("exited with status 7");
        assertThat(platform.get("/crash").body()).isEqualTo("alive");
    }

    @Test
    void aFunctionAtItsConcurrencyLimitGets429AndAClientThatLeavesFreesItsRoom() {
        platform.function("node-busy", "nodejs", text("""
                module.exports = async (context) => {
                  if (context.request.query.hold) return new Promise(() => {});
                  return { status: 200, body: 'done' };
                };
                """), "", spec -> spec.concurrency(1).requestsPerPod(1));
        platform.route("node-busy", "/busy");
        assertThat(platform.awaitRouted("/busy").body()).isEqualTo("done");

        try (RawHttp holder = new RawHttp(platform.port())) {
            holder.send("GET /busy?hold=1 HTTP/1.1", "Host: 127.0.0.1");
            await().atMost(Duration.ofSeconds(10)).until(() -> platform.counts("node-busy").requestsInFlight() == 1);

            HttpResponse<String> refused = platform.get("/busy");

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).contains("node-busy");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> platform.counts("node-busy").requestsInFlight() == 0);
        assertThat(platform.get("/busy").body()).isEqualTo("done");
    }

    @Test
    void codeThatDoesNotLoadGets500SayingWhy() {
        platform.function("node-broken", "nodejs", text("module.exports = async (context) => {\n"), "", spec -> { });
        platform.route("node-broken", "/broken");

        HttpResponse<String> answer = platform.awaitRouted("/broken");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.body()).contains("node-broken");
    }

    @Test
    void routesAndFunctionsChangedAtRunTimeTakeEffect() {
        Function function = platform.function("node-versions", "nodejs", text("module.exports = async () => 'v1';\n"), "", spec -> { });
        HTTPTrigger trigger = platform.route("node-versions", "/versions/one");
        assertThat(platform.awaitRouted("/versions/one").body()).isEqualTo("v1");

        trigger.spec().relativeUrl("/versions/two");
        platform.update(trigger);
        assertThat(platform.awaitRouted("/versions/two").body()).isEqualTo("v1");
        assertThat(platform.get("/versions/one").statusCode()).isEqualTo(404);

        platform.function("node-versions-2", "nodejs", text("module.exports = async () => 'v2';\n"), "", spec -> { });
        function.spec().packageRef().packageRef().name("node-versions-2");
        platform.update(function);
        await().atMost(Duration.ofSeconds(90)).until(() -> platform.get("/versions/two").body().equals("v2"));

        platform.delete(Kinds.HTTP_TRIGGER, "node-versions");
        await().atMost(Duration.ofSeconds(30)).until(() -> platform.get("/versions/two").statusCode() == 404);
    }
}
