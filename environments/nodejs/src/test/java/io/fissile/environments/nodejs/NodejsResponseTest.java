package io.fissile.environments.nodejs;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How what an async function returns (or throws) becomes the answer. */
class NodejsResponseTest {
    private static final String FUNCTION = """
            const answers = {
              '/created': () => ({ status: 201, body: 'made it', headers: { 'Location': '/things/1', 'X-Trace': 'abc' } }),
              '/status-only': () => ({ status: 404 }),
              '/string': () => 'just a string',
              '/object': () => ({ name: 'ada', tags: ['x'] }),
              '/buffer': () => Buffer.from([0, 1, 2, 255]),
              '/nothing': () => undefined,
              '/express': (context) => { context.response.status(418).set('X-Teapot', 'yes').send('short and stout'); },
              '/throw': () => { throw new Error('thrown on purpose'); },
              '/reject': () => Promise.reject(new Error('rejected on purpose')),
            };
            module.exports = async function (context) {
              return answers[context.request.path](context);
            };
            """;

    @TempDir
    static Path workDir;

    static RuntimeProcess runtime;

    /** Started by the first test, so that a missing node skips each test with the reason. */
    @BeforeEach
    void startFunction() {
        if (runtime == null) {
            runtime = NodeRuntime.start(workDir);
            runtime.specialize(write(workDir.resolve("code/answers.js"), FUNCTION), "");
        }
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void sendsTheStatusHeadersAndBodyTheFunctionReturns() {
        HttpResponse<String> response = runtime.get("/created");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValue("/things/1");
        assertThat(response.headers().firstValue("X-Trace")).hasValue("abc");
        assertThat(response.body()).isEqualTo("made it");
    }

    @Test
    void sendsAStatusWithoutABody() {
        HttpResponse<String> response = runtime.get("/status-only");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void sendsAReturnedStringAs200Text() {
        HttpResponse<String> response = runtime.get("/string");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/"));
        assertThat(response.body()).isEqualTo("just a string");
    }

    @Test
    void sendsAReturnedObjectAsJson() {
        HttpResponse<String> response = runtime.get("/object");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"name\":\"ada\",\"tags\":[\"x\"]}");
    }

    @Test
    void sendsAReturnedBufferAsBytes() {
        HttpResponse<byte[]> response = runtime.send(runtime.request("/buffer"), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(response.body()).containsExactly(0, 1, 2, 255);
    }

    @Test
    void answersAnEmpty200WhenTheFunctionReturnsNothing() {
        HttpResponse<String> response = runtime.get("/nothing");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void letsTheFunctionAnswerWithExpressStyleCallsOnTheResponse() {
        HttpResponse<String> response = runtime.get("/express");

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.headers().firstValue("X-Teapot")).hasValue("yes");
        assertThat(response.body()).isEqualTo("short and stout");
    }

    @Test
    void answers500WhenTheFunctionThrowsAndKeepsServing() {
        HttpResponse<String> failed = runtime.get("/throw");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("Internal server error").doesNotContain("thrown on purpose");
        runtime.awaitStderr("thrown on purpose");
        assertThat(runtime.get("/string").body()).isEqualTo("just a string");
    }

    @Test
    void answers500WhenTheFunctionsPromiseRejects() {
        HttpResponse<String> failed = runtime.get("/reject");

        assertThat(failed.statusCode()).isEqualTo(500);
        runtime.awaitStderr("rejected on purpose");
        assertThat(runtime.get("/string").statusCode()).isEqualTo(200);
    }
}
