package io.fissile.environments.jvm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectReaderTest {

    @Test
    void readsEveryKindOfMember() {
        var members = JsonObjectReader.members("""
                {"filepath": "/userfunc/dir \\"x\\"\\\\y", "functionName": "caf\\u00e9.Main",
                 "url": null, "retries": -1.5e3, "nested": {"a": [1, true, {"b": "c"}]}, "flag": false}
                """);

        assertThat(members).containsExactly(
                Map.entry("filepath", "/userfunc/dir \"x\"\\y"),
                Map.entry("functionName", "café.Main"),
                new java.util.AbstractMap.SimpleEntry<>("url", null),
                Map.entry("retries", new BigDecimal("-1.5e3")),
                Map.entry("nested", Map.of("a", Arrays.asList(new BigDecimal(1), true, Map.of("b", "c")))),
                Map.entry("flag", false));
    }

    @Test
    void keepsTheOrderOfANestedObject() {
        var env = (Map<?, ?>) JsonObjectReader.members("{\"env\": {\"Z\": \"1\", \"A\": \"2\", \"M\": \"3\"}}").get("env");

        assertThat(List.<Object>copyOf(env.keySet())).containsExactly("Z", "A", "M");
    }

    @Test
    void rejectsWhatIsNotAnObject() {
        assertThatThrownBy(() -> JsonObjectReader.members("[\"filepath\"]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> JsonObjectReader.members("{\"a\": \"b\"} trailing"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonObjectReader.members("{\"a\": \"unterminated}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonObjectReader.members("{\"a\": -}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
