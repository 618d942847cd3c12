package io.fissile.environments.python;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's own environment variables, given with its v2 specialization ("env"). */
class PythonEnvironmentVariablesTest {
    /** Reads GREETING when the module is imported, per call, and in a child process. */
    private static final String GREETER = """
            import os
            import subprocess

            AT_IMPORT = os.environ.get("GREETING", "")

            def main():
                child = subprocess.run(["/bin/sh", "-c", 'printf %s "$GREETING"'], capture_output=True, text=True).stdout
                return "|".join([AT_IMPORT, os.environ.get("GREETING", ""), child, str("PORT" in os.environ)])
            """;

    @TempDir
    Path workDir;

    @Test
    void theFunctionSeesItsVariablesInOsEnvironEvenAtImport() {
        Path dir = write(workDir.resolve("code/main.py"), GREETER).getParent();
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> specialized = runtime.specialize(dir, "", Map.of("GREETING", "hej, världen"));

            assertThat(specialized.statusCode()).as(specialized.body()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hej, världen|hej, världen|hej, världen|True");
        }
    }

    @Test
    void aFailedSpecializationLeavesNoVariableBehind() {
        Path dir = write(workDir.resolve("code/main.py"), GREETER).getParent();
        write(dir.resolve("broken.py"), "import os\nos.environ['GREETING']\nraise RuntimeError('broken at import')\n");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> failed = runtime.specialize(dir, "broken.main", Map.of("GREETING", "from the failed one"));
            HttpResponse<String> specialized = runtime.specialize(dir, "main.main", Map.of());

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("broken at import");
            assertThat(specialized.statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("|||True");
        }
    }

    @Test
    void aVariableTheContractReservesIsRefusedByName() {
        Path dir = write(workDir.resolve("code/main.py"), GREETER).getParent();
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> refused = runtime.specialize(dir, "", Map.of("USERFUNC_DIR", "/elsewhere"));
            HttpResponse<String> specialized = runtime.specialize(dir, "", Map.of("GREETING", "hi"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("USERFUNC_DIR");
            assertThat(specialized.statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).startsWith("hi|hi|hi|");
        }
    }

    @Test
    void anEnvThatIsNotAnObjectOfStringsIsRefusedNamingTheField() {
        Path dir = write(workDir.resolve("code/main.py"), GREETER).getParent();
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> list = runtime.specializeWith(
                    "{\"filepath\": \"" + dir + "\", \"env\": [\"GREETING=hi\"]}");
            HttpResponse<String> number = runtime.specializeWith(
                    "{\"filepath\": \"" + dir + "\", \"env\": {\"RETRIES\": 3}}");

            assertThat(list.statusCode()).isEqualTo(400);
            assertThat(list.body()).contains("\"env\" must be an object of strings");
            assertThat(number.statusCode()).isEqualTo(400);
            assertThat(number.body()).contains("\"env.RETRIES\" must be a string");
        }
    }
}
