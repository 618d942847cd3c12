package io.fissile.environments.nodejs;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's own environment variables, given with its v2 specialization ("env"). */
class NodejsEnvironmentVariablesTest {
    /** Reads GREETING when its module loads, per call, and in a child process. */
    private static final String GREETER = """
            const { execFileSync } = require('node:child_process');
            const atLoad = process.env.GREETING;
            module.exports = async () => ({
              body: [atLoad, process.env.GREETING, execFileSync('/bin/sh', ['-c', 'printf %s "$GREETING"']).toString(),
                     process.env.PORT === undefined].join('|'),
            });
            """;

    @TempDir
    Path workDir;

    @Test
    void theFunctionSeesItsVariablesInProcessEnv() {
        Path file = write(workDir.resolve("code/greeter.js"), GREETER);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> specialized = runtime.specialize(file, "", Map.of("GREETING", "hej, världen"));

            assertThat(specialized.statusCode()).as(specialized.body()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hej, världen|hej, världen|hej, världen|false");
        }
    }

    @Test
    void aFailedSpecializationLeavesNoVariableBehind() {
        Path file = write(workDir.resolve("code/greeter.js"), GREETER);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> failed = runtime.specialize(workDir.resolve("code/missing.js"), "",
                    Map.of("GREETING", "from the failed one"));
            HttpResponse<String> specialized = runtime.specialize(file, "", Map.of());

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(specialized.statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("|||false");
        }
    }

    @Test
    void aVariableTheContractReservesIsRefusedByName() {
        Path file = write(workDir.resolve("code/greeter.js"), GREETER);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> port = runtime.specialize(file, "", Map.of("PORT", "9999"));
            HttpResponse<String> tmpdir = runtime.specialize(file, "", Map.of("GREETING", "hi", "TMPDIR", "/"));
            HttpResponse<String> specialized = runtime.specialize(file, "", Map.of("GREETING", "hi"));

            assertThat(port.statusCode()).isEqualTo(400);
            assertThat(port.body()).contains("PORT");
            assertThat(tmpdir.statusCode()).isEqualTo(400);
            assertThat(tmpdir.body()).contains("TMPDIR");
            assertThat(specialized.statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).startsWith("hi|hi|hi|");
        }
    }

    @Test
    void anEnvThatIsNotAnObjectOfStringsIsRefusedNamingTheField() {
        Path file = write(workDir.resolve("code/greeter.js"), GREETER);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> list = runtime.specializeWith(
                    "{\"filepath\": \"" + file + "\", \"env\": [\"GREETING=hi\"]}");
            HttpResponse<String> number = runtime.specializeWith(
                    "{\"filepath\": \"" + file + "\", \"env\": {\"RETRIES\": 3}}");

            assertThat(list.statusCode()).isEqualTo(400);
            assertThat(list.body()).contains("\"env\" must be an object of strings");
            assertThat(number.statusCode()).isEqualTo(400);
            assertThat(number.body()).contains("\"env.RETRIES\" must be a string");
        }
    }
}
