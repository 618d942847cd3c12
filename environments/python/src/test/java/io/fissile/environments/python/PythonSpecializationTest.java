package io.fissile.environments.python;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonSpecializationTest {
    private static final String HELLO = """
            def main():
                return "hello, world"
            """;

    @TempDir
    Path workDir;

    @Test
    void specializesWithV2FromADirectoryAndAModuleDotFuncEntrypoint() {
        Path dir = workDir.resolve("code");
        write(dir.resolve("greetings.py"), """
                from helpers import shout

                def hello():
                    return "hello"

                def bye():
                    return shout("goodbye")
                """);
        write(dir.resolve("helpers.py"), "def shout(text):\n    return text.upper()\n");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            assertThat(runtime.specialize(dir, "greetings.bye").statusCode()).isIn(200, 202);

            assertThat(runtime.get("/").body()).isEqualTo("GOODBYE");
        }
    }

    @Test
    void findsAModuleInAPackageOfTheDirectory() {
        Path dir = workDir.resolve("code");
        write(dir.resolve("handlers/__init__.py"), "");
        write(dir.resolve("handlers/orders.py"), "def list_orders():\n    return 'no orders'\n");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            assertThat(runtime.specialize(dir, "handlers.orders.list_orders").statusCode()).isIn(200, 202);

            assertThat(runtime.get("/").body()).isEqualTo("no orders");
        }
    }

    @Test
    void takesModuleMainFromADirectoryWhenTheEntrypointIsEmpty() {
        Path dir = workDir.resolve("code");
        write(dir.resolve("main.py"), HELLO);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            assertThat(runtime.specialize(dir, "").statusCode()).isIn(200, 202);

            assertThat(runtime.get("/").body()).isEqualTo("hello, world");
        }
    }

    @Test
    void specializesWithV2FromAFileAndAFunctionName() {
        Path file = write(workDir.resolve("code/handler.py"), """
                def main():
                    return "main"

                def other():
                    return "other"
                """);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            assertThat(runtime.specialize(file, "other").statusCode()).isIn(200, 202);

            assertThat(runtime.get("/").body()).isEqualTo("other");
        }
    }

    @Test
    void specializesWithV1FromTheFileUserInTheUserfuncDirectory() {
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            write(runtime.userfuncDir().resolve("user"), HELLO);

            assertThat(runtime.specializeV1().statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hello, world");
        }
    }

    @Test
    void specializesWithV1FromADirectory() {
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            write(runtime.userfuncDir().resolve("user/main.py"), HELLO);

            assertThat(runtime.specializeV1().statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hello, world");
        }
    }

    @Test
    void rejectsASecondSpecializationAndKeepsTheFirstFunction() {
        Path first = write(workDir.resolve("code/first.py"), "def main():\n    return 'first'\n");
        Path second = write(workDir.resolve("code/second.py"), "def main():\n    return 'second'\n");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            runtime.specialize(first, "");

            HttpResponse<String> again = runtime.specialize(second, "");
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.body()).isEqualTo("already specialized");
            assertThat(runtime.get("/").body()).isEqualTo("first");
        }
    }

    @Test
    void answersRequestsBeforeSpecializationWith500SayingItIsGeneric() {
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.get("/anything");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("generic");
        }
    }

    @Test
    void reportsASyntaxErrorWithFileAndLineAndStaysGeneric() {
        Path broken = write(workDir.resolve("code/broken.py"), "def main():\n    return (\n");
        Path fixed = write(workDir.resolve("code/fixed.py"), HELLO);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(broken, "");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("SyntaxError").contains("broken.py").contains("line 2");
            assertThat(runtime.specialize(fixed, "").statusCode()).isIn(200, 202);
            assertThat(runtime.get("/").body()).isEqualTo("hello, world");
        }
    }

    @Test
    void reportsAMissingFunction() {
        Path dir = workDir.resolve("code");
        write(dir.resolve("handlers.py"), "def hello():\n    return 'hi'\n");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(dir, "handlers.goodbye");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("no function 'goodbye'").contains("handlers");
        }
    }

    @Test
    void reportsAMissingModule() {
        Path dir = workDir.resolve("code");
        write(dir.resolve("handlers.py"), HELLO);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(dir, "nowhere.main");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("No module named 'nowhere'");
        }
    }

    @Test
    void reportsAnImportErrorInsideTheFunctionsModule() {
        Path file = write(workDir.resolve("code/needs.py"), "import not_installed_anywhere\n\ndef main():\n    return 'x'\n");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(file, "");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("ModuleNotFoundError").contains("not_installed_anywhere");
            runtime.awaitStderr("Traceback");
        }
    }

    @Test
    void reportsANameThatIsNotAFunction() {
        Path file = write(workDir.resolve("code/settings.py"), "LIMIT = 10\n");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(file, "LIMIT");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains("'LIMIT'").contains("not a function");
        }
    }

    @Test
    void reportsAMissingFile() {
        Path missing = workDir.resolve("code/nowhere.py");
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            HttpResponse<String> response = runtime.specialize(missing, "");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).contains(missing.toString());
        }
    }
}
