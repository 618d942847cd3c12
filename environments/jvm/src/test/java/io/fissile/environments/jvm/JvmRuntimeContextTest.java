package io.fissile.environments.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.function.Function;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets and config maps, read from SECRETS_DIR and CONFIGS_DIR in the caller's namespace. */
class JvmRuntimeContextTest {

    private static final String READER = """
            package demo;

            import io.fissile.function.*;

            public class Reader implements Function {
                public Response handle(Request request, Context context) {
                    try {
                        return Response.ok(context.secret("db", "password") + "," + context.config("settings", "mode"));
                    } catch (RuntimeException e) {
                        return Response.status(404).body(e.getMessage());
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void secretsAndConfigMapsAreReadFromTheFunctionsNamespace() throws Exception {
        Path secrets = work.resolve("secrets");
        Path configs = work.resolve("configs");
        write(secrets.resolve("team-a/db/password"), "s3cr€t");
        write(configs.resolve("team-a/settings/mode"), "fast");
        write(secrets.resolve("default/db/password"), "default-password");
        Path jar = FunctionJar.create().source("demo.Reader", READER).writeJar(work.resolve("reader.jar"));

        try (RuntimeProcess runtime = RuntimeProcess.of(JvmRuntime.class, JvmRuntime.class, Function.class)
                .env("SECRETS_DIR", secrets.toString())
                .env("CONFIGS_DIR", configs.toString())
                .start()) {
            runtime.specialize(jar, "demo.Reader");

            HttpResponse<String> found = runtime.send(runtime.request("/")
                    .header("X-Fission-Function-Namespace", "team-a"));
            HttpResponse<String> missingConfig = runtime.get("/");

            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).isEqualTo("s3cr€t,fast");
            assertThat(missingConfig.statusCode()).isEqualTo(404);
            assertThat(missingConfig.body())
                    .contains("settings", "mode", "default")
                    .contains(configs.resolve("default/settings/mode").toString());
        }
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
