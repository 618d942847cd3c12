package io.fissile.environments.nodejs;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodejsSpecializationTest {
    private static final String HELLO = """
            module.exports = async function (context) {
              return { status: 200, body: 'hello, world' };
            };
            """;

    @TempDir
    Path workDir;

    @Test
    void specializesWithV2FromAFile() {
        Path file = write(workDir.resolve("code/hello.js"), HELLO);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            assertThat(runtime.specialize(file, "").statusCode()).isIn(200, 202);

            HttpResponse<String> response = runtime.get("/");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello, world");
        }
    }

    @Test
    void specializesWithV2FromADirectoryAndAFileDotFuncEntrypoint() {
        Path dir = workDir.resolve("code");
        write(dir.resolve("greetings.js"), """
                exports.hello = async () => ({ body: 'hello' });
                exports.bye = async () => ({ body: 'goodbye' });
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            assertThat(runtime.specialize(dir, "greetings.bye").statusCode()).isIn(200, 202);

            assertThat(runtime.get("/").body()).isEqualTo("goodbye");
        }
    }

    @Test
    void aOneWordEntrypointNamesAnExportOfTheFile() {
        Path file = write(workDir.resolve("code/handlers.js"), """
                exports.first = async () => ({ body: 'first' });
                exports.second = async () => ({ body: 'second' });
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            assertThat(runtime.specialize(file, "second").statusCode()).isIn(200, 202);

            assertThat(runtime.get("/").body()).isEqualTo("second");
        }
    }

    @Test
    void specializesWithV1FromTheFileUserInTheUserfuncDirectory() {
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            write(runtime.userfuncDir().resolve("user"), HELLO);

            assertThat(runtime.specializeV1().statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hello, world");
        }
    }

    @Test
    void specializesWithV1FromADirectoryWithAPackageJsonMain() {
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            Path user = runtime.userfuncDir().resolve("user");
            write(user.resolve("package.json"), "{\"name\": \"fn\", \"main\": \"lib/app.js\"}");
            write(user.resolve("lib/app.js"), "module.exports = async () => ({ body: 'from package main' });");

            assertThat(runtime.specializeV1().statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("from package main");
        }
    }

    @Test
    void loadsAnEsModule() {
        Path file = write(workDir.resolve("code/hello.mjs"), """
                export default async (context) => ({ status: 200, body: `esm ${context.request.method}` });
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            assertThat(runtime.specialize(file, "").statusCode()).isIn(200, 202);

            assertThat(runtime.get("/").body()).isEqualTo("esm GET");
        }
    }

    @Test
    void rejectsASecondSpecializationAndKeepsTheFirstFunction() {
        Path first = write(workDir.resolve("code/first.js"), "module.exports = async () => ({ body: 'first' });");
        Path second = write(workDir.resolve("code/second.js"), "module.exports = async () => ({ body: 'second' });");
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(first, "");

            HttpResponse<String> again = runtime.specialize(second, "");
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).isEqualTo("already specialized");
            assertThat(runtime.get("/").body()).isEqualTo("first");
        }
    }

    @Test
    void answersRequestsBeforeSpecializationWith500SayingItIsGeneric() {
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.get("/anything");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("generic");
        }
    }

    @Test
    void answersAnyRequestBeforeSpecializationWith500WhateverItsBodyAndCanThenBeSpecialized() {
        Path file = write(workDir.resolve("code/hello.js"), HELLO);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.send(runtime.request("/orders?id=7")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{not json")));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
            assertThat(response.body()).contains("generic");
            assertThat(runtime.specialize(file, "").statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hello, world");
        }
    }

    @Test
    void reportsASyntaxErrorWithTheFileAndStaysGeneric() {
        Path broken = write(workDir.resolve("code/broken.js"), "module.exports = async () => { return {;\n");
        Path fixed = write(workDir.resolve("code/fixed.js"), HELLO);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(broken, "");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("SyntaxError").contains("broken.js");
            assertThat(runtime.specialize(fixed, "").statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hello, world");
        }
    }

    @Test
    void reportsAMissingExportAndWhatTheModuleExports() {
        Path file = write(workDir.resolve("code/handlers.js"), "exports.hello = async () => ({ body: 'hi' });");
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(workDir.resolve("code"), "handlers.goodbye");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("no export \"goodbye\"").contains(file.toString()).contains("hello");
        }
    }

    @Test
    void reportsAnExportThatIsNotAFunction() {
        Path file = write(workDir.resolve("code/settings.js"), "exports.limit = 10;");
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(file, "limit");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("\"limit\"").contains("not a function");
        }
    }

    @Test
    void reportsAMissingFile() {
        Path missing = workDir.resolve("code/nowhere.js");
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(missing, "");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains(missing.toString());
        }
    }
}
