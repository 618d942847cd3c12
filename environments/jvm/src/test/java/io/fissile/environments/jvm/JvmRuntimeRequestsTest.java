package io.fissile.environments.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fissile.function.Function;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a function sees of a request and what its response becomes, through a real runtime process. */
class JvmRuntimeRequestsTest {

    private static final String SHOWCASE = """
            package demo;

            import io.fissile.function.*;

            public class Showcase implements Function {
                @Override
                public Response handle(Request request, Context context) throws Exception {
                    switch (request.path()) {
                        case "/hello":
                            return Response.ok("hello");
                        case "/echo":
                            return Response.ok(String.join("|",
                                    request.method(),
                                    request.path(),
                                    String.valueOf(request.query("name")),
                                    String.valueOf(request.query("missing")),
                                    request.header("x-custom-header"),
                                    String.valueOf(request.headers().get("X-CUSTOM-HEADER")),
                                    request.param("Id"),
                                    request.header("Content-Type"),
                                    request.bodyAsString()));
                        case "/created":
                            return Response.status(201).header("Location", "/things/7")
                                    .addHeader("Set-Cookie", "a=1").addHeader("Set-Cookie", "b=2")
                                    .header("Content-Type", "application/json").body("{\\"id\\": 7}");
                        case "/bytes":
                            return Response.status(200).body(new byte[] {0, 1, 2, (byte) 255});
                        case "/fail":
                            throw new IllegalStateException("boom from the function");
                        case "/print":
                            System.out.println("printed by the function: " + request.query("n"));
                            System.err.println("complained by the function: " + request.query("n"));
                            context.log("logged by the function: " + request.query("n"));
                            return Response.status(204);
                        case "/identity":
                            return Response.ok(context.functionName() + "@" + context.namespace());
                        default:
                            return Response.ok(request.method() + " " + request.uri());
                    }
                }
            }
            """;

    @TempDir
    static Path work;

    static RuntimeProcess runtime;

    @BeforeAll
    static void specializeWithShowcase() {
        Path jar = FunctionJar.create().source("demo.Showcase", SHOWCASE).writeJar(work.resolve("showcase.jar"));
        runtime = RuntimeProcess.of(JvmRuntime.class, JvmRuntime.class, Function.class).start();
        assertThat(runtime.specialize(jar, "demo.Showcase").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void helloAnswersWithTextPlain() {
        HttpResponse<String> response = runtime.get("/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(5);
    }

    @Test
    void queryHeadersPathParametersAndJsonBodyReachTheFunction() {
        HttpResponse<String> response = runtime.send(runtime.request("/echo?name=J%C3%BCrgen+Smith&flag")
                .header("X-Custom-Header", "custom value")
                .header("X-Fission-Params-Id", "42")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"greeting\": \"grüß dich\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(
                "POST|/echo|Jürgen Smith|null|custom value|[custom value]|42|application/json|{\"greeting\": \"grüß dich\"}");
    }

    @Test
    void chunkedRequestBodyIsReadWhole() {
        byte[] json = "{\"streamed\": true}".getBytes();
        HttpResponse<String> response = runtime.send(runtime.request("/echo")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(json))));

        assertThat(response.body()).endsWith("|{\"streamed\": true}");
    }

    @Test
    void statusHeadersAndBodyComeFromTheResponse() {
        HttpResponse<String> response = runtime.post("/created", "");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/things/7");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"id\": 7}");
    }

    @Test
    void binaryBodiesPassUnchanged() throws Exception {
        HttpResponse<byte[]> response = runtime.client().send(runtime.request("/bytes").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.body()).containsExactly(0, 1, 2, 255);
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /",
        "POST, /orders",
        "PUT, /orders/17",
        "DELETE, /orders/17?force=true",
        "PATCH, /a/deeply/nested/path",
        "OPTIONS, /anything"
    })
    void everyMethodAndSubpathReachesTheFunction(String method, String pathAndQuery) {
        HttpResponse<String> response = runtime.send(runtime.request(pathAndQuery)
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(method + " " + pathAndQuery);
    }

    @Test
    void headRequestsGetTheHeadersWithoutABody() {
        HttpResponse<String> response = runtime.send(runtime.request("/hello")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(5);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void identityComesFromTheRouterHeaders() {
        HttpResponse<String> routed = runtime.send(runtime.request("/identity")
                .header("X-Fission-Function-Name", "hello-fn")
                .header("X-Fission-Function-Namespace", "team-a"));
        HttpResponse<String> direct = runtime.get("/identity");

        assertThat(routed.body()).isEqualTo("hello-fn@team-a");
        assertThat(direct.body()).isEqualTo("@default");
    }

    @Test
    void aThrowingFunctionGives500AndTheNextRequestIsServed() {
        HttpResponse<String> failed = runtime.get("/fail");
        HttpResponse<String> next = runtime.get("/hello");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("IllegalStateException").contains("boom from the function");
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).isEqualTo("hello");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> runtime.stderr().contains("demo.Showcase.handle(Showcase.java"));
    }

    @Test
    void functionOutputReachesTheProcessOutputLineByLine() {
        HttpResponse<String> response = runtime.get("/print?n=7");

        assertThat(response.statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(runtime.stdout()).contains("printed by the function: 7\n", "logged by the function: 7\n");
            assertThat(runtime.stderr()).contains("complained by the function: 7\n");
        });
    }
}
