package io.fissile.environments.nodejs;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fission's older shape: function (context, callback) answering with callback(status, body, headers). */
class NodejsCallbackTest {
    @TempDir
    Path workDir;

    @Test
    void answersWithWhatTheFunctionPassesToItsCallback() {
        Path file = write(workDir.resolve("code/callback.js"), """
                module.exports = function (context, callback) {
                  setTimeout(() => callback(202, 'accepted ' + context.request.query.id, { 'X-Queue': 'jobs' }), 10);
                };
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(file, "");

            HttpResponse<String> response = runtime.get("/?id=17");
            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.headers().firstValue("X-Queue")).hasValue("jobs");
            assertThat(response.body()).isEqualTo("accepted 17");
        }
    }

    @Test
    void answers500WhenACallbackStyleFunctionThrowsAndKeepsServing() {
        Path file = write(workDir.resolve("code/callback.js"), """
                module.exports = function (context, callback) {
                  if (context.request.path === '/fail') throw new Error('callback function failed');
                  callback(200, 'fine');
                };
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(file, "");

            assertThat(runtime.get("/fail").statusCode()).isEqualTo(500);
            runtime.awaitStderr("callback function failed");
            assertThat(runtime.get("/").body()).isEqualTo("fine");
        }
    }
}
