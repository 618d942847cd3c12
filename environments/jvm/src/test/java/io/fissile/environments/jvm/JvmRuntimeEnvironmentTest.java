package io.fissile.environments.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.function.Function;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's own environment variables, given with its v2 specialization ("env"). */
class JvmRuntimeEnvironmentTest {

    /**
     * Reads GREETING at class initialization, per call and from its context, and what a child
     * process started with an environment of its own sees; PATH stays as the runtime had it.
     */
    private static final String GREETER = """
            package demo;

            import io.fissile.function.*;

            public class Greeter implements Function {
                private static final String AT_LOAD = System.getenv("GREETING");

                public Response handle(Request request, Context context) throws Exception {
                    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "printf %s \\"$GREETING\\"");
                    builder.environment().put("STARTED_BY", "the function");
                    Process child = builder.start();
                    String fromChild = new String(child.getInputStream().readAllBytes());
                    return Response.ok(AT_LOAD + "|" + System.getenv("GREETING") + "|" + context.env("GREETING")
                            + "|" + fromChild + "|" + System.getenv("PATH").isEmpty());
                }
            }
            """;

    @TempDir
    Path work;

    private static RuntimeProcess.Builder jvmRuntime() {
        return RuntimeProcess.of(JvmRuntime.class, JvmRuntime.class, Function.class)
                .jvmOption("--add-opens=java.base/java.lang=ALL-UNNAMED");
    }

    @Test
    void theFunctionSeesItsVariablesAsItsProcessEnvironment() {
        Path jar = greeterJar();
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            HttpResponse<String> specialized = runtime.specialize(jar, "demo.Greeter", Map.of("GREETING", "hej, världen"));

            assertThat(specialized.statusCode()).as(specialized.body()).isEqualTo(200);
            assertThat(runtime.get("/").body()).isEqualTo("hej, världen|hej, världen|hej, världen|hej, världen|false");
        }
    }

    @Test
    void aFailedSpecializationLeavesNoVariableBehind() {
        Path jar = greeterJar();
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            HttpResponse<String> failed = runtime.specialize(jar, "demo.Missing", Map.of("GREETING", "from the failed one"));
            HttpResponse<String> specialized = runtime.specialize(jar, "demo.Greeter", Map.of());

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(specialized.statusCode()).as(specialized.body()).isEqualTo(200);
            assertThat(runtime.get("/").body()).isEqualTo("null|null|null||false");
        }
    }

    @Test
    void aVariableTheContractReservesIsRefusedByName() {
        Path jar = greeterJar();
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            HttpResponse<String> refused = runtime.specialize(jar, "demo.Greeter", Map.of("USERFUNC_DIR", "/elsewhere"));
            HttpResponse<String> specialized = runtime.specialize(jar, "demo.Greeter", Map.of("GREETING", "hi"));

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("USERFUNC_DIR");
            assertThat(specialized.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anEnvThatIsNotAnObjectOfStringsIsRefusedNamingTheField() {
        Path jar = greeterJar();
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            HttpResponse<String> list = runtime.post("/v2/specialize",
                    "{\"filepath\": \"" + jar + "\", \"functionName\": \"demo.Greeter\", \"env\": [\"GREETING=hi\"]}");
            HttpResponse<String> number = runtime.post("/v2/specialize",
                    "{\"filepath\": \"" + jar + "\", \"functionName\": \"demo.Greeter\", \"env\": {\"RETRIES\": 3}}");
            HttpResponse<String> badName = runtime.specialize(jar, "demo.Greeter", Map.of("A=B", "c"));

            assertThat(list.statusCode()).isEqualTo(400);
            assertThat(list.body()).contains("\"env\" must be an object of strings");
            assertThat(number.statusCode()).isEqualTo(400);
            assertThat(number.body()).contains("\"env.RETRIES\" must be a string");
            assertThat(badName.statusCode()).isEqualTo(400);
            assertThat(badName.body()).contains("A=B");
        }
    }

    @Test
    void withoutTheJvmFlagSpecializationSaysWhichFlagIsMissing() {
        Path jar = greeterJar();
        try (RuntimeProcess runtime = RuntimeProcess.of(JvmRuntime.class, JvmRuntime.class, Function.class).start()) {
            HttpResponse<String> failed = runtime.specialize(jar, "demo.Greeter", Map.of("GREETING", "hi"));

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
    }

    private Path greeterJar() {
        return FunctionJar.create().source("demo.Greeter", GREETER).writeJar(work.resolve("greeter.jar"));
    }
}
