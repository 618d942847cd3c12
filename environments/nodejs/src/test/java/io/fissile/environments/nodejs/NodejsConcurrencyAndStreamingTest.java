package io.fissile.environments.nodejs;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import io.fissile.environments.testing.StreamReading;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodejsConcurrencyAndStreamingTest {
    @TempDir
    Path workDir;

    @Test
    void servesSlowRequestsAtTheSameTime() {
        // Each call waits until five are in flight together: only overlapping requests can all finish.
        Path file = write(workDir.resolve("code/gather.js"), """
                const waiting = [];
                module.exports = async () => {
                  const together = new Promise((resolve) => waiting.push(resolve));
                  if (waiting.length === 5) waiting.forEach((resolve) => resolve('together'));
                  const alone = new Promise((resolve) => setTimeout(() => resolve('alone'), 30000));
                  return Promise.race([together, alone]);
                };
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(file, "");

            List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 5)
                    .mapToObj(i -> runtime.sendAsync(runtime.request("/")))
                    .toList();

            assertThat(calls).allSatisfy(call -> assertThat(call.join().body()).isEqualTo("together"));
        }
    }

    @Test
    void streamsWhatTheFunctionWritesToTheResponseAsItWritesIt() throws Exception {
        // The stream finishes only when a second request releases it, after the first event has been read.
        Path file = write(workDir.resolve("code/events.js"), """
                let release;
                const released = new Promise((resolve) => { release = resolve; });
                module.exports = async (context) => {
                  if (context.request.path === '/release') { release(); return 'released'; }
                  const res = context.response;
                  res.writeHead(200, { 'Content-Type': 'text/event-stream' });
                  res.write('data: first\\n\\n');
                  await released;
                  res.write('data: second\\n\\n');
                  res.end();
                };
                """);
        try (RuntimeProcess runtime = NodeRuntime.start(workDir)) {
            runtime.specialize(file, "");

            HttpResponse<InputStream> events = runtime.send(runtime.request("/events"), BodyHandlers.ofInputStream());
            try (InputStream body = events.body()) {
                assertThat(events.headers().firstValue("Content-Type")).hasValue("text/event-stream");
                assertThat(StreamReading.readUntil(body, "data: first\n\n")).isEqualTo("data: first\n\n");

                assertThat(runtime.get("/release").body()).isEqualTo("released");
                assertThat(new String(body.readAllBytes())).isEqualTo("data: second\n\n");
            }
        }
    }
}
