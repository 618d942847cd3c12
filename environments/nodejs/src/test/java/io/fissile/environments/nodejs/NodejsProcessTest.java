package io.fissile.environments.nodejs;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process as Fissile sees it: its output, its survival, its exit. */
class NodejsProcessTest {
    @TempDir
    Path workDir;

    @Test
    void whatTheFunctionLogsAppearsOnStdoutAndErrorsWithTheirStackOnStderr() {
        Path file = write(workDir.resolve("code/logging.js"), """
                module.exports = async (context) => {
                  console.log('handling ' + context.request.path);
                  if (context.request.path === '/fail') throw new Error('failure for the log');
                  return 'ok';
                };
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(file, "");

            runtime.get("/first-call");
            runtime.awaitStdout("handling /first-call");
            runtime.get("/fail");
            runtime.awaitStderr("failure for the log");
            assertThat(runtime.stderr()).contains("logging.js");
        }
    }

    @Test
    void survivesAnErrorThrownLaterFromATimer() {
        Path file = write(workDir.resolve("code/timer.js"), """
                module.exports = async () => {
                  setTimeout(() => { throw new Error('thrown from a timer'); }, 0);
                  return 'scheduled';
                };
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(file, "");

            assertThat(runtime.get("/").body()).isEqualTo("scheduled");
            runtime.awaitStderr("thrown from a timer");
            assertThat(runtime.get("/").body()).isEqualTo("scheduled");
        }
    }

    @Test
    void exitsCleanlyOnSigterm() {
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            assertThat(runtime.terminate()).isZero();
        }
    }

    @Test
    void exitsCleanlyOnSigtermWhileAFunctionIsRunning() {
        Path file = write(workDir.resolve("code/slow.js"), """
                module.exports = async () => {
                  console.log('started');
                  await new Promise((resolve) => setTimeout(resolve, 60000));
                  return 'late';
                };
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(file, "");
            runtime.sendAsync(runtime.request("/"));
            runtime.awaitStdout("started");

            assertThat(runtime.terminate()).isZero();
        }
    }
}
