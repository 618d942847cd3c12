package io.fissile.environments.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.function.Function;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's classes never meet the runtime's, even when they have the same names. */
class JvmRuntimeIsolationTest {

    private static final String LIBRARY_V1 = """
            package shared.lib;
            public class Version {
                public static String describe() { return "library v1 of the runtime"; }
            }
            """;

    private static final String LIBRARY_V2 = """
            package shared.lib;
            public class Version {
                public static String describe() { return "library v2 of the function"; }
            }
            """;

    /** Same name as the runtime's own HTTP server class, different behaviour. */
    private static final String IMPOSTOR = """
            package io.fissile.environments.jvm.http;
            public class HttpServer {
                public static String origin() { return "the function's own HttpServer"; }
            }
            """;

    private static final String FUNCTION = """
            package demo;

            import io.fissile.function.*;

            public class Isolated implements Function {
                public Response handle(Request request, Context context) {
                    return Response.ok(String.join("\\n",
                            shared.lib.Version.describe(),
                            io.fissile.environments.jvm.http.HttpServer.origin(),
                            visibility("io.fissile.environments.jvm.JvmRuntime"),
                            visibility("java.net.http.HttpClient"),
                            visibility("javax.tools.ToolProvider"),
                            "context loader is mine: "
                                    + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader())));
                }

                private String visibility(String className) {
                    try {
                        Class.forName(className, false, getClass().getClassLoader());
                        return className + " visible";
                    } catch (ClassNotFoundException e) {
                        return className + " hidden";
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void theFunctionUsesItsOwnCopiesOfClassesThatTheRuntimeAlsoHas() throws Exception {
        Path runtimeLibrary = FunctionJar.create().source("shared.lib.Version", LIBRARY_V1)
                .compileTo(work.resolve("runtime-library"));
        Path jar = FunctionJar.create()
                .source("shared.lib.Version", LIBRARY_V2)
                .source("io.fissile.environments.jvm.http.HttpServer", IMPOSTOR)
                .source("demo.Isolated", FUNCTION)
                .writeJar(work.resolve("isolated.jar"));

        try (RuntimeProcess runtime = RuntimeProcess.of(JvmRuntime.class, JvmRuntime.class, Function.class)
                .classPath(runtimeLibrary)
                .start()) {
            assertThat(runtime.specialize(jar, "demo.Isolated").statusCode()).isEqualTo(200);

            HttpResponse<String> first = runtime.get("/");
            HttpResponse<String> second = runtime.get("/again");

            assertThat(first.body().split("\n")).containsExactly(
                    "library v2 of the function",
                    "the function's own HttpServer",
                    "io.fissile.environments.jvm.JvmRuntime hidden",
                    "java.net.http.HttpClient visible",
                    "javax.tools.ToolProvider visible",
                    "context loader is mine: true");
            assertThat(second.body()).isEqualTo(first.body()); // and the runtime's own server kept working
        }
    }
}
