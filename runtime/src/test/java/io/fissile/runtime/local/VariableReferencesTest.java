package io.fissile.runtime.local;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VariableReferencesTest {

    @Test
    void referencesAreReplacedAsKubernetesReplacesThem() {
        Map<String, String> variables = Map.of("PORT", "40123", "HOST", "127.0.0.1");

        assertThat(VariableReferences.expand(List.of("--listen=$(HOST):$(PORT)", "$$(PORT)", "$(NOPE)", "$5", "$(", "cost$"), variables))
                .containsExactly("--listen=127.0.0.1:40123", "$(PORT)", "$(NOPE)", "$5", "$(", "cost$");
    }
}
