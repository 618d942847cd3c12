package io.fissile.kubernetes.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An executor's identity is a valid label value whatever its pod or host is called. */
class ExecutorIdentityTest {

    @Test
    void aPodNameStaysAsItIs() {
        assertThat(ExecutorIdentity.sanitize("fissile-router-7d9f8-abcde")).isEqualTo("fissile-router-7d9f8-abcde");
    }

    @Test
    void invalidCharactersBecomeDashesAndTheEndsAreAlphanumeric() {
        assertThat(ExecutorIdentity.sanitize("-host name@example.com.")).isEqualTo("host-name-example.com");
        assertThat(ExecutorIdentity.sanitize("***")).isEqualTo("fissile");
    }

    @Test
    void aLongNameIsCutTo63Characters() {
        String identity = ExecutorIdentity.sanitize("a".repeat(62) + "-b");
        assertThat(identity).hasSize(62).matches("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    }
}
