package io.fissile.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResponseTest {

    @Test
    void okIsA200TextResponse() {
        Response response = Response.ok("hello");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyAsString()).isEqualTo("hello");
        assertThat(response.header("content-type")).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void statusHeaderAndBodyChain() {
        Response response = Response.status(201).header("Location", "/x").body("created");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/x");
        assertThat(response.bodyAsString()).isEqualTo("created");
    }

    @Test
    void anExplicitContentTypeWinsWhicheverComesFirst() {
        Response typedFirst = Response.status(200).header("Content-Type", "application/json").body("{}");
        Response typedAfter = Response.ok("{}").header("content-type", "application/json");

        assertThat(typedFirst.headers().get("Content-Type")).containsExactly("application/json");
        assertThat(typedAfter.headers().get("Content-Type")).containsExactly("application/json");
        assertThat(typedAfter.headers()).hasSize(1);
    }

    @Test
    void headerReplacesAndAddHeaderAppends() {
        Response response = Response.status(200)
                .header("X-Mode", "one").header("x-mode", "two")
                .addHeader("Set-Cookie", "a=1").addHeader("Set-Cookie", "b=2");

        assertThat(response.headers().get("X-Mode")).containsExactly("two");
        assertThat(response.headers().get("set-cookie")).containsExactly("a=1", "b=2");
    }

    @Test
    void responsesAreImmutable() {
        Response base = Response.status(200);
        Response withHeader = base.header("X-A", "1");

        assertThat(base.headers()).isEmpty();
        assertThat(withHeader.headers()).containsKey("X-A");
        assertThatThrownBy(() -> withHeader.headers().put("X-B", java.util.List.of("2")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bytesBodiesHaveNoImpliedType() {
        Response response = Response.status(200).body(new byte[] {1, 2, 3});

        assertThat(response.body()).containsExactly(1, 2, 3);
        assertThat(response.headers()).isEmpty();
    }

    @Test
    void rejectsWhatCannotBeSent() {
        assertThatThrownBy(() -> Response.status(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Response.status(600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Response.status(200).header("Bad Name", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Response.status(200).header("X-Injected", "a\r\nSet-Cookie: evil"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }
}
