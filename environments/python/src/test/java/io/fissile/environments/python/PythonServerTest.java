package io.fissile.environments.python;

import static io.fissile.environments.testing.FunctionFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.environments.testing.RuntimeProcess;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP server around the function: threads, keep-alive, request framing. */
class PythonServerTest {
    @TempDir
    Path workDir;

    @Test
    void servesSlowRequestsAtTheSameTime() {
        // Each call waits until five are in flight together: only overlapping requests can all finish.
        Path file = write(workDir.resolve("code/gather.py"), """
                import threading

                five = threading.Barrier(5, timeout=30)

                def main():
                    try:
                        five.wait()
                        return "together"
                    except threading.BrokenBarrierError:
                        return "alone"
                """);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            runtime.specialize(file, "");

            List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 5)
                    .mapToObj(i -> runtime.sendAsync(runtime.request("/")))
                    .toList();

            assertThat(calls).allSatisfy(call -> assertThat(call.join().body()).isEqualTo("together"));
        }
    }

    @Test
    void keepsTheConnectionOpenBetweenRequests() {
        Path file = write(workDir.resolve("code/port.py"), """
                from flask import request

                def main():
                    return request.environ["REMOTE_PORT"]
                """);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            runtime.specialize(file, "");

            HttpResponse<String> first = runtime.get("/");
            HttpResponse<String> second = runtime.get("/");

            assertThat(first.headers().firstValue("Content-Length")).hasValue(Integer.toString(first.body().length()));
            assertThat(second.body()).as("the client port of both requests").isEqualTo(first.body());
        }
    }

    @Test
    void readsAChunkedRequestBody() {
        Path file = write(workDir.resolve("code/reverse.py"), """
                from flask import request

                def main():
                    return request.get_data()[::-1]
                """);
        String text = "a body whose length the client does not announce ".repeat(200);
        try (RuntimeProcess runtime = PythonRuntime.start(workDir)) {
            runtime.specialize(file, "");

            // A body publisher of unknown length makes the client send Transfer-Encoding: chunked.
            HttpResponse<String> response = runtime.send(runtime.request("/").POST(BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))));

            assertThat(response.body()).isEqualTo(new StringBuilder(text).reverse().toString());
        }
    }
}
