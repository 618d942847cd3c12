package io.fissile.environments.python;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import io.fissile.environments.testing.StreamReading;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** How what a function returns (or raises) becomes the answer, as Flask makes it. */
@ParameterizedClass
@EnumSource(FlaskFlavour.class)
class PythonResponseTest {
    private static final String FUNCTION = """
            import threading
            from flask import Response, abort, jsonify, request

            released = threading.Event()

            def events():
                yield "data: first\\n\\n"
                released.wait(60)
                yield "data: second\\n\\n"

            ANSWERS = {
                "/text": lambda: "plain text",
                "/bytes": lambda: b"\\x00\\x01\\xff",
                "/dict": lambda: {"name": "ada", "tags": ["x"]},
                "/list": lambda: [1, 2, 3],
                "/body-and-status": lambda: ("created", 201),
                "/body-status-headers": lambda: ("short and stout", 418, {"X-Teapot": "yes"}),
                "/response": lambda: Response("made", status=202, headers={"X-Made": "here"}, mimetype="text/plain"),
                "/jsonify": lambda: jsonify(ok=True),
                "/abort": lambda: abort(404),
                "/none": lambda: None,
                "/events": lambda: Response(events(), mimetype="text/event-stream"),
                "/release": lambda: released.set() or "released",
            }

            def main():
                if request.path == "/raise":
                    raise ValueError("raised on purpose")
                return ANSWERS[request.path]()
            """;

    @TempDir
    static Path workDir;

    static RuntimeProcess runtime;

    @Parameter
    FlaskFlavour flavour;

    /** Started by the first test of each flavour, so that a missing python3 or Flask skips each test with the reason. */
    @BeforeEach
    void startFunction() {
        if (runtime == null) {
            Path dir = workDir.resolve(flavour.name());
            runtime = PythonRuntime.start(dir, flavour);
            runtime.specialize(write(dir.resolve("code/answers.py"), FUNCTION), "answers.main");
        }
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }

    @Test
    void sendsAStringAs200HtmlWithItsLength() {
        HttpResponse<String> response = runtime.get("/text");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Length")).hasValue("10");
        assertThat(response.body()).isEqualTo("plain text");
    }

    @Test
    void sendsBytesAsTheyAre() {
        HttpResponse<byte[]> response = runtime.send(runtime.request("/bytes"), BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsExactly(0, 1, 255);
    }

    @Test
    void sendsADictOrAListAsJson() {
        HttpResponse<String> dict = runtime.get("/dict");
        HttpResponse<String> list = runtime.get("/list");

        assertThat(dict.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(dict.body().strip()).isEqualTo("{\"name\":\"ada\",\"tags\":[\"x\"]}");
        assertThat(list.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(list.body().strip()).isEqualTo("[1,2,3]");
    }

    @Test
    void takesTheStatusFromABodyAndStatusTuple() {
        HttpResponse<String> response = runtime.get("/body-and-status");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("created");
    }

    @Test
    void takesStatusAndHeadersFromABodyStatusHeadersTuple() {
        HttpResponse<String> response = runtime.get("/body-status-headers");

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.headers().firstValue("X-Teapot")).hasValue("yes");
        assertThat(response.body()).isEqualTo("short and stout");
    }

    @Test
    void sendsAResponseObjectAsBuilt() {
        HttpResponse<String> response = runtime.get("/response");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("X-Made")).hasValue("here");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo("made");
    }

    @Test
    void sendsJsonify() {
        HttpResponse<String> response = runtime.get("/jsonify");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body().strip()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void answersAbortWithItsStatus() {
        assertThat(runtime.get("/abort").statusCode()).isEqualTo(404);
    }

    @Test
    void answers500WhenTheFunctionRaisesAndKeepsServing() {
        HttpResponse<String> failed = runtime.get("/raise");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("Internal Server Error").doesNotContain("raised on purpose");
        runtime.awaitStderr("ValueError: raised on purpose");
        assertThat(runtime.get("/text").body()).isEqualTo("plain text");
    }

    @Test
    void answers500WhenTheFunctionReturnsNothing() {
        assertThat(runtime.get("/none").statusCode()).isEqualTo(500);
        assertThat(runtime.get("/text").statusCode()).isEqualTo(200);
    }

    @Test
    void streamsAGeneratorBodyAsItIsGenerated() throws Exception {
        // The stream finishes only when a second request releases it, after the first event has been read.
        HttpResponse<InputStream> events = runtime.send(runtime.request("/events"), BodyHandlers.ofInputStream());
        try (InputStream body = events.body()) {
            assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(StreamReading.readUntil(body, "data: first\n\n")).isEqualTo("data: first\n\n");

            assertThat(runtime.get("/release").body()).isEqualTo("released");
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("data: second\n\n");
        }
    }
}
