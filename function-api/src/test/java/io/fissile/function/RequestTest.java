package io.fissile.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTest {

    private final Request request = Request.builder()
            .method("POST")
            .uri("/users/J%C3%BCrgen%20S/orders?tag=a&tag=b+c&q=caf%C3%A9&empty=&flag&bad=%zz")
            .header("Content-Type", "application/json")
            .header("X-Fission-Params-Id", "42")
            .header("Accept", "text/plain")
            .header("accept", "application/json")
            .body("{\"total\": 3}")
            .build();

    @Test
    void pathIsDecodedAndUriIsAsReceived() {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/users/Jürgen S/orders");
        assertThat(request.uri()).startsWith("/users/J%C3%BCrgen%20S/orders?tag=a");
    }

    @Test
    void queryParametersAreDecodedWithEveryValueKept() {
        assertThat(request.query("tag")).isEqualTo("a");
        assertThat(request.queryParameters().get("tag")).containsExactly("a", "b c");
        assertThat(request.query("q")).isEqualTo("café");
        assertThat(request.query("empty")).isEmpty();
        assertThat(request.query("flag")).isEmpty();
        assertThat(request.query("bad")).isEqualTo("%zz");
        assertThat(request.query("absent")).isNull();
    }

    @Test
    void headersIgnoreCase() {
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("ACCEPT")).isEqualTo("text/plain");
        assertThat(request.headers().get("Accept")).containsExactly("text/plain", "application/json");
        assertThat(request.header("X-Missing")).isNull();
    }

    @Test
    void pathParametersComeFromTheRoutersHeaders() {
        assertThat(request.param("Id")).isEqualTo("42");
        assertThat(request.param("id")).isEqualTo("42");
        assertThat(request.param("other")).isNull();
    }

    @Test
    void bodyIsAvailableAsBytesAndText() {
        assertThat(request.body()).isEqualTo("{\"total\": 3}".getBytes(StandardCharsets.UTF_8));
        assertThat(request.bodyAsString()).isEqualTo("{\"total\": 3}");
    }

    @Test
    void defaultsToAnEmptyGetOfTheRoot() {
        Request empty = Request.builder().build();

        assertThat(empty.method()).isEqualTo("GET");
        assertThat(empty.path()).isEqualTo("/");
        assertThat(empty.body()).isEmpty();
        assertThat(empty.headers()).isEmpty();
        assertThat(empty.queryParameters()).isEqualTo(java.util.Map.of());
        assertThat(List.of(empty.toString())).containsExactly("GET /");
    }
}
