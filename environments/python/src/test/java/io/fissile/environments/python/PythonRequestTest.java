package io.fissile.environments.python;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a Fission function sees through {@code from flask import request}, with the stand-in and a real Flask. */
@ParameterizedClass
@EnumSource(FlaskFlavour.class)
class PythonRequestTest {
    private static final String ECHO = """
            import base64
            from flask import request

            def main():
                return {
                    "method": request.method,
                    "path": request.path,
                    "full_path": request.full_path,
                    "url": request.url,
                    "args": request.args.to_dict(flat=False),
                    "first_tag": request.args.get("tag"),
                    "headers": {name.lower(): value for name, value in request.headers.items()},
                    "custom": request.headers.get("x-custom"),
                    "data": base64.b64encode(request.get_data()).decode(),
                    "text": request.get_data(as_text=True) if request.mimetype.startswith("text/") else None,
                    "json": request.get_json(silent=True),
                    "form": request.form.to_dict(flat=False),
                    "values": request.values.to_dict(),
                    "remote_addr": request.remote_addr,
                }
            """;

    @TempDir
    static Path workDir;

    static RuntimeProcess runtime;

    @Parameter
    FlaskFlavour flavour;

    /** Started by the first test of each flavour, so that a missing python3 or Flask skips each test with the reason. */
    @BeforeEach
    void startEchoFunction() {
        if (runtime == null) {
            Path dir = workDir.resolve(flavour.name());
            runtime = PythonRuntime.start(dir, flavour);
            runtime.specialize(write(dir.resolve("code/main.py"), ECHO), "");
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
    void seesMethodPathQueryAndUrl() {
        JsonNode seen = echo(runtime.get("/orders/42?status=open&tag=a&tag=b"));

        assertThat(seen.path("method").asString()).isEqualTo("GET");
        assertThat(seen.path("path").asString()).isEqualTo("/orders/42");
        assertThat(seen.path("full_path").asString()).isEqualTo("/orders/42?status=open&tag=a&tag=b");
        assertThat(seen.path("url").asString()).isEqualTo(runtime.uri("/orders/42?status=open&tag=a&tag=b").toString());
        assertThat(seen.path("args").toString()).isEqualTo("{\"status\":[\"open\"],\"tag\":[\"a\",\"b\"]}");
        assertThat(seen.path("first_tag").asString()).isEqualTo("a");
    }

    @Test
    void everyMethodAndSubpathReachesTheFunction() {
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            for (String path : List.of("/", "/a", "/a/b/c.json", "/specialize/not-really")) {
                JsonNode seen = echo(runtime.send(runtime.request(path).method(method, BodyPublishers.noBody())));
                assertThat(seen.path("method").asString()).isEqualTo(method);
                assertThat(seen.path("path").asString()).isEqualTo(path);
            }
        }
        HttpResponse<String> head = runtime.send(runtime.request("/a").HEAD());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void seesHeadersIncludingPathParametersFromTheRouter() {
        JsonNode seen = echo(runtime.send(runtime.request("/users/7")
                .header("X-Custom", "custom value")
                .header("X-Fission-Params-UserId", "7")));

        assertThat(seen.path("custom").asString()).isEqualTo("custom value");
        assertThat(seen.path("headers").path("x-fission-params-userid").asString()).isEqualTo("7");
    }

    @Test
    void getsAJsonBodyParsed() {
        JsonNode seen = echo(post("application/json", "{\"name\": \"ada\", \"items\": [1, 2]}"));

        assertThat(seen.path("json").path("name").asString()).isEqualTo("ada");
        assertThat(seen.path("json").path("items").path(1).asInt()).isEqualTo(2);
    }

    @Test
    void getsATextBodyAsText() {
        JsonNode seen = echo(post("text/plain; charset=utf-8", "three little words"));

        assertThat(seen.path("text").asString()).isEqualTo("three little words");
        assertThat(seen.path("json").isNull()).isTrue();
    }

    @Test
    void getsAFormBodyAsFormFieldsAndValues() {
        JsonNode seen = echo(runtime.send(runtime.request("/?page=2")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("name=ada+lovelace&tag=x&tag=y"))));

        assertThat(seen.path("form").toString()).isEqualTo("{\"name\":[\"ada lovelace\"],\"tag\":[\"x\",\"y\"]}");
        assertThat(seen.path("values").path("page").asString()).isEqualTo("2");
        assertThat(seen.path("values").path("name").asString()).isEqualTo("ada lovelace");
    }

    @Test
    void getsABinaryBodyWithEveryByte() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        JsonNode seen = echo(runtime.send(runtime.request("/")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(bytes))));

        assertThat(Base64.getDecoder().decode(seen.path("data").asString())).isEqualTo(bytes);
    }

    @Test
    void seesTheClientAddress() {
        assertThat(echo(runtime.get("/")).path("remote_addr").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void passesTheRequestToAFunctionThatTakesOne() {
        Path dir = workDir.resolve(flavour.name() + "-parameter");
        Path file = write(dir.resolve("code/greet.py"), """
                def main(request):
                    return "hello " + request.args.get("name", "nobody")
                """);
        try (RuntimeProcess withParameter = PythonRuntime.start(dir, flavour)) {
            withParameter.specialize(file, "");

            assertThat(withParameter.get("/?name=ada").body()).isEqualTo("hello ada");
        }
    }

    private static HttpResponse<String> post(String contentType, String body) {
        return runtime.send(runtime.request("/").header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
    }

    private static JsonNode echo(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JsonMapper.shared().readTree(response.body());
    }
}
