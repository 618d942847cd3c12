package io.fissile.api;

import io.fissile.api.v1.EnvVar;
import io.fissile.api.v1.Function;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.fissile.api.ValidationTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

class FunctionEnvTest {
    private static final String FUNCTION = """
            apiVersion: fission.io/v1
            kind: Function
            metadata: {name: hello}
            spec:
              environment: {name: nodejs}
              package: {packageref: {name: hello-pkg}, functionName: hello}
            """;

    @Test
    void variablesReadInOrderAndShowInYaml() {
        Function fn = (Function) Codec.readObject(FUNCTION + """
                  env:
                  - {name: GREETING, value: hi there}
                  - {name: _EMPTY}
                """);

        assertThat(Validation.validate(fn)).isEmpty();
        assertThat(fn.spec().environmentVariables()).containsExactly(
                java.util.Map.entry("GREETING", "hi there"), java.util.Map.entry("_EMPTY", ""));
        assertThat(Codec.toYaml(fn)).contains("env:\n  - name: GREETING\n    value: hi there");
    }

    @Test
    void badReservedAndRepeatedNamesAreEachReported() {
        List<String> problems = problems(FUNCTION + """
                  env:
                  - {name: 9LIVES, value: x}
                  - {name: PORT, value: "80"}
                  - {name: A-B, value: x}
                  - {name: OK, value: x}
                  - {name: OK, value: y}
                  - {value: nameless}
                  - {name: FROM_SECRET, valueFrom: {secretKeyRef: {name: db, key: password}}}
                """);

        assertThat(problems).hasSize(6);
        assertThat(problems.get(0)).startsWith("spec.env[0].name: \"9LIVES\" is not a variable name");
        assertThat(problems.get(1)).startsWith("spec.env[1].name: \"PORT\" is set by the platform");
        assertThat(problems.get(2)).startsWith("spec.env[2].name: \"A-B\" is not a variable name");
        assertThat(problems.get(3)).isEqualTo("spec.env[4].name: \"OK\" is set more than once");
        assertThat(problems.get(4)).isEqualTo("spec.env[5].name: is required");
        assertThat(problems.get(5)).startsWith("spec.env[6].valueFrom: is not supported");
    }

    @Test
    void referencedSecretAndConfigMapNamesMustBeWellFormed() {
        List<String> problems = problems(FUNCTION + """
                  secrets: [{name: Db_Secret}]
                  configmaps: [{name: ""}]
                """);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("spec.secrets[0].name: \"Db_Secret\" is not a DNS-1123 label");
        assertThat(problems.get(1)).isEqualTo("spec.configmaps[0].name: is required");
    }

    @Test
    void aVariableBuiltInJavaWritesAsKubernetesWritesAnEnvVar() {
        assertThat(Codec.toJson(EnvVar.of("A", "1"))).isEqualTo("{\"name\":\"A\",\"value\":\"1\"}");
    }
}
