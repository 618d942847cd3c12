package io.fissile.environments.jvm.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonObjectReaderTest {

    @Test
    void readsStringMembersAndSkipsTheRest() {
        var members = JsonObjectReader.stringMembers("""
                {"filepath": "/userfunc/dir \\"x\\"\\\\y", "functionName": "caf\\u00e9.Main",
                 "url": null, "retries": -1.5e3, "nested": {"a": [1, true, {"b": "c"}]}, "flag": false}
                """);

        assertThat(members).containsOnly(
                java.util.Map.entry("filepath", "/userfunc/dir \"x\"\\y"),
                java.util.Map.entry("functionName", "café.Main"));
    }

    @Test
    void rejectsWhatIsNotAnObject() {
        assertThatThrownBy(() -> JsonObjectReader.stringMembers("[\"filepath\"]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> JsonObjectReader.stringMembers("{\"a\": \"b\"} trailing"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonObjectReader.stringMembers("{\"a\": \"unterminated}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
