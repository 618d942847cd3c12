package io.fissile.environments.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.function.Function;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The specialization contract: v1 and v2, once only, and clear messages for code that cannot load. */
class JvmRuntimeSpecializationTest {

    private static final String HELLO = """
            package demo;
            public class Hello implements io.fissile.function.Function {
                public io.fissile.function.Response handle(io.fissile.function.Request request,
                                                            io.fissile.function.Context context) {
                    return io.fissile.function.Response.ok("hello from " + getClass().getSimpleName());
                }
            }
            """;

    @TempDir
    Path work;

    private static RuntimeProcess.Builder jvmRuntime() {
        return RuntimeProcess.of(JvmRuntime.class, JvmRuntime.class, Function.class);
    }

    @Test
    void beforeSpecializationEveryRequestIs500Generic() throws Exception {
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            HttpResponse<String> response = runtime.get("/anything");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("generic");
        }
    }

    @Test
    void aSecondSpecializationIs400() throws Exception {
        Path jar = FunctionJar.create().source("demo.Hello", HELLO).writeJar(work.resolve("hello.jar"));
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            assertThat(runtime.specialize(jar, "demo.Hello").statusCode()).isEqualTo(200);

            HttpResponse<String> again = runtime.specialize(jar, "demo.Hello");

            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).contains("already specialized");
            assertThat(runtime.get("/").body()).isEqualTo("hello from Hello");
        }
    }

    @Test
    void codeThatCannotLoadGives500WithAMessageAndLeavesTheInstanceGeneric() throws Exception {
        Path jar = FunctionJar.create()
                .source("demo.Hello", HELLO)
                .source("demo.NotAFunction", "package demo; public class NotAFunction {}")
                .source("demo.Broken", """
                        package demo;
                        public class Broken implements io.fissile.function.Function {
                            public Broken() { throw new IllegalStateException("no database configured"); }
                            public io.fissile.function.Response handle(io.fissile.function.Request r,
                                                                        io.fissile.function.Context c) {
                                return null;
                            }
                        }
                        """)
                .source("demo.NeedsArguments", """
                        package demo;
                        public class NeedsArguments implements io.fissile.function.Function {
                            public NeedsArguments(String setting) {}
                            public io.fissile.function.Response handle(io.fissile.function.Request r,
                                                                        io.fissile.function.Context c) {
                                return null;
                            }
                        }
                        """)
                .writeJar(work.resolve("mixed.jar"));
        Path missingJar = work.resolve("nowhere.jar");
        Path notAJar = FunctionJar.writeGarbage(work.resolve("garbage.jar"));

        try (RuntimeProcess runtime = jvmRuntime().start()) {
            assertFailure(runtime.specialize(missingJar, "demo.Hello"), "no such file", missingJar.toString());
            assertFailure(runtime.specialize(notAJar, "demo.Hello"), "not a jar", notAJar.toString());
            assertFailure(runtime.specialize(jar, "demo.Missing"), "class demo.Missing not found");
            assertFailure(runtime.specialize(jar, "demo.NotAFunction"), "does not implement io.fissile.function.Function");
            assertFailure(runtime.specialize(jar, "demo.Broken"), "constructor of demo.Broken threw",
                    "no database configured");
            assertFailure(runtime.specialize(jar, "demo.NeedsArguments"), "no public no-argument constructor");
            assertThat(runtime.get("/").statusCode()).isEqualTo(500);

            assertThat(runtime.specialize(jar, "demo.Hello").statusCode()).isEqualTo(200);
            assertThat(runtime.get("/").body()).isEqualTo("hello from Hello");
        }
    }

    @Test
    void v1SpecializationLoadsUserFromTheUserfuncDirectoryWithTheClassNamedInTheManifest() throws Exception {
        Path userfunc = Files.createDirectories(work.resolve("userfunc"));
        FunctionJar.create().source("demo.Hello", HELLO)
                .manifestAttribute("Fissile-Function", "demo.Hello")
                .writeJar(userfunc.resolve("user"));
        try (RuntimeProcess runtime = jvmRuntime().env("USERFUNC_DIR", userfunc.toString()).start()) {
            HttpResponse<String> specialized = runtime.post("/specialize", "");

            assertThat(specialized.statusCode()).isEqualTo(200);
            assertThat(runtime.get("/hi").body()).isEqualTo("hello from Hello");
        }
    }

    @Test
    void aDirectoryContributesItsClassDirectoriesAndEveryJar() throws Exception {
        Path library = FunctionJar.create()
                .source("lib.Greeter", "package lib; public class Greeter { public static String greet() { return \"greetings\"; } }")
                .compileTo(work.resolve("library-classes"));
        Path code = Files.createDirectories(work.resolve("deployment"));
        FunctionJar.create()
                .source("lib.Greeter", "package lib; public class Greeter { public static String greet() { return \"greetings\"; } }")
                .writeJar(code.resolve("lib").resolve("greeter.jar"));
        FunctionJar.create().classPath(library).source("demo.UsesLibrary", """
                        package demo;
                        public class UsesLibrary implements io.fissile.function.Function {
                            public io.fissile.function.Response handle(io.fissile.function.Request r,
                                                                        io.fissile.function.Context c) {
                                return io.fissile.function.Response.ok(lib.Greeter.greet() + " from a class directory");
                            }
                        }
                        """)
                .compileTo(code.resolve("target").resolve("classes"));

        try (RuntimeProcess runtime = jvmRuntime().start()) {
            assertThat(runtime.specialize(code, "demo.UsesLibrary").statusCode()).isEqualTo(200);
            assertThat(runtime.get("/").body()).isEqualTo("greetings from a class directory");
        }
    }

    @Test
    void specializationIsReportedOnTheConsole() throws Exception {
        Path jar = FunctionJar.create().source("demo.Hello", HELLO).writeJar(work.resolve("hello.jar"));
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            runtime.specialize(jar, "demo.Hello");

            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> runtime.stdout().contains("specialized with " + jar + " (demo.Hello)"));
            assertThat(runtime.stdout()).as("the startup rehearsal stays silent").doesNotContain("Rehearsal");
        }
    }

    @Test
    void sigtermEndsTheProcess() throws Exception {
        try (RuntimeProcess runtime = jvmRuntime().start()) {
            int status = runtime.terminate();

            assertThat(runtime.isAlive()).isFalse();
            assertThat(status).isEqualTo(143); // 128 + SIGTERM: the JVM's orderly exit on the signal
        }
    }

    private static void assertFailure(HttpResponse<String> response, String... messageParts) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
        assertThat(response.body()).contains(messageParts);
    }
}
