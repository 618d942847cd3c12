package io.fissile.environments.python;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process as Fissile sees it: its output and its exit. */
class PythonProcessTest {
    @TempDir
    Path workDir;

    @Test
    void whatTheFunctionPrintsAppearsOnStdoutAtOnceAndTracebacksOnStderr() {
        Path file = write(workDir.resolve("code/logging.py"), """
                from flask import request

                def main():
                    print("handling " + request.path)
                    if request.path == "/fail":
                        raise RuntimeError("failure for the log")
                    return "ok"
                """);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            runtime.specialize(file, "");

            // The process stays up, so the line shows only if output is not held in a buffer.
            runtime.get("/first-call");
            runtime.awaitStdout("handling /first-call");
            runtime.get("/fail");
            runtime.awaitStderr("RuntimeError: failure for the log");
            assertThat(runtime.stderr()).contains("Traceback").contains("logging.py");
        }
    }

    @Test
    void exitsCleanlyOnSigterm() {
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            assertThat(runtime.terminate()).isZero();
        }
    }

    @Test
    void exitsCleanlyOnSigtermWhileAFunctionIsRunning() {
        Path file = write(workDir.resolve("code/slow.py"), """
                import time

                def main():
                    print("started", flush=True)
                    time.sleep(60)
                    return "late"
                """);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            runtime.specialize(file, "");
            runtime.sendAsync(runtime.request("/"));
            runtime.awaitStdout("started");

            assertThat(runtime.terminate()).isZero();
        }
    }
}
