package io.fissile.environments.nodejs;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a function sees of the request in context.request. */
class NodejsRequestTest {
    private static final String ECHO = """
            module.exports = async function (context) {
              const req = context.request;
              const binary = Buffer.isBuffer(req.body);
              return {
                status: 200,
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({
                  method: req.method, url: req.url, path: req.path, query: req.query, params: req.params,
                  headers: req.headers, custom: req.get('X-Custom'),
                  bodyType: binary ? 'Buffer' : typeof req.body,
                  body: binary ? req.body.toString('base64') : req.body,
                  rawBody: req.rawBody.toString('base64'),
                }),
              };
            };
            """;

    @TempDir
    static Path workDir;

    static RuntimeProcess runtime;

    /** Started by the first test, so that a missing node skips each test with the reason. */
    @BeforeEach
    void startEchoFunction() {
        if (runtime == null) {
            runtime = NodeRuntime.start(workDir);
            runtime.specialize(write(workDir.resolve("code/echo.js"), ECHO), "");
        }
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void seesMethodPathAndParsedQuery() {
        JsonNode seen = echo(runtime.get("/orders/42?status=open&tag=a&tag=b"));

        assertThat(seen.path("method").asString()).isEqualTo("GET");
        assertThat(seen.path("url").asString()).isEqualTo("/orders/42?status=open&tag=a&tag=b");
        assertThat(seen.path("path").asString()).isEqualTo("/orders/42");
        assertThat(seen.path("query").path("status").asString()).isEqualTo("open");
        assertThat(seen.path("query").path("tag").toString()).isEqualTo("[\"a\",\"b\"]");
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
    void seesHeadersLowerCasedAndThroughGet() {
        JsonNode seen = echo(runtime.send(runtime.request("/").header("X-Custom", "custom value")));

        assertThat(seen.path("headers").path("x-custom").asString()).isEqualTo("custom value");
        assertThat(seen.path("custom").asString()).isEqualTo("custom value");
    }

    @Test
    void seesPathParametersFromTheRoutersHeaders() {
        JsonNode seen = echo(runtime.send(runtime.request("/users/7")
                .header("X-Fission-Params-userId", "7")
                .header("X-Fission-Params-Format", "json")));

        assertThat(seen.path("params").path("userId").asString()).isEqualTo("7");
        assertThat(seen.path("params").path("Format").asString()).isEqualTo("json");
        assertThat(seen.path("headers").path("x-fission-params-userid").asString()).isEqualTo("7");
    }

    @Test
    void getsAJsonBodyParsed() {
        JsonNode seen = echo(post("application/json", "{\"name\": \"ada\", \"items\": [1, 2]}"));

        assertThat(seen.path("bodyType").asString()).isEqualTo("object");
        assertThat(seen.path("body").path("name").asString()).isEqualTo("ada");
        assertThat(seen.path("body").path("items").path(1).asInt()).isEqualTo(2);
    }

    @Test
    void getsATextBodyAsAString() {
        JsonNode seen = echo(post("text/plain; charset=utf-8", "three little words"));

        assertThat(seen.path("bodyType").asString()).isEqualTo("string");
        assertThat(seen.path("body").asString()).isEqualTo("three little words");
    }

    @Test
    void getsAFormBodyParsedAsExpressDoes() {
        JsonNode seen = echo(post("application/x-www-form-urlencoded", "name=ada+lovelace&tag=x&tag=y"));

        assertThat(seen.path("body").path("name").asString()).isEqualTo("ada lovelace");
        assertThat(seen.path("body").path("tag").toString()).isEqualTo("[\"x\",\"y\"]");
    }

    @Test
    void getsABinaryBodyAsABufferWithEveryByte() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        JsonNode seen = echo(runtime.send(runtime.request("/")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(bytes))));

        assertThat(seen.path("bodyType").asString()).isEqualTo("Buffer");
        assertThat(Base64.getDecoder().decode(seen.path("body").asString())).isEqualTo(bytes);
        assertThat(Base64.getDecoder().decode(seen.path("rawBody").asString())).isEqualTo(bytes);
    }

    @Test
    void getsAnEmptyObjectWhenThereIsNoBody() {
        JsonNode seen = echo(runtime.get("/"));

        assertThat(seen.path("body").isObject()).isTrue();
        assertThat(seen.path("body").size()).isZero();
    }

    @Test
    void answersAnInvalidJsonBodyWith400() {
        HttpResponse<String> response = post("application/json", "{not json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid JSON");
    }

    private static HttpResponse<String> post(String contentType, String body) {
        return runtime.send(runtime.request("/").header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
    }

    private static JsonNode echo(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.shared().readTree(response.body());
    }
}
