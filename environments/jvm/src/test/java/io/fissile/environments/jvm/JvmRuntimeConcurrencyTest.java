package io.fissile.environments.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fissile.function.Function;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests run in parallel, unless the function is @SingleThreaded. */
class JvmRuntimeConcurrencyTest {

    private static final int REQUESTS = 6;

    /** Each call waits until all calls have arrived: they can only all succeed if they are in flight at once. */
    private static final String RENDEZVOUS = """
            package demo;

            import io.fissile.function.*;
            import java.util.concurrent.CountDownLatch;
            import java.util.concurrent.TimeUnit;

            public class Rendezvous implements Function {
                private final CountDownLatch arrivals = new CountDownLatch(%d);

                public Response handle(Request request, Context context) throws Exception {
                    arrivals.countDown();
                    boolean together = arrivals.await(30, TimeUnit.SECONDS);
                    return Response.ok(together ? "all in flight together" : "alone");
                }
            }
            """.formatted(REQUESTS);

    /** Records how many calls were ever inside handle at the same moment. */
    private static final String COUNTER = """
            package demo;

            import io.fissile.function.*;
            import java.util.concurrent.atomic.AtomicInteger;

            @SingleThreaded
            public class Counter implements Function {
                private final AtomicInteger inside = new AtomicInteger();
                private final AtomicInteger mostInside = new AtomicInteger();

                public Response handle(Request request, Context context) throws Exception {
                    if (request.path().equals("/most")) {
                        return Response.ok(String.valueOf(mostInside.get()));
                    }
                    int now = inside.incrementAndGet();
                    mostInside.accumulateAndGet(now, Math::max);
                    Thread.sleep(100); // a window in which a second call would be seen
                    inside.decrementAndGet();
                    return Response.ok("counted");
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void concurrentRequestsAreAllInFlightAtOnce() throws Exception {
        Path jar = FunctionJar.create().source("demo.Rendezvous", RENDEZVOUS).writeJar(work.resolve("rendezvous.jar"));
        try (RuntimeProcess runtime = jvmRuntime()) {
            runtime.specialize(jar, "demo.Rendezvous");

            List<String> bodies = sendConcurrently(runtime, "/meet");

            assertThat(bodies).hasSize(REQUESTS).containsOnly("all in flight together");
        }
    }

    @Test
    void aSingleThreadedFunctionIsCalledOneAtATime() throws Exception {
        Path jar = FunctionJar.create().source("demo.Counter", COUNTER).writeJar(work.resolve("counter.jar"));
        try (RuntimeProcess runtime = jvmRuntime()) {
            runtime.specialize(jar, "demo.Counter");

            List<String> bodies = sendConcurrently(runtime, "/count");

            assertThat(bodies).hasSize(REQUESTS).containsOnly("counted");
            assertThat(runtime.get("/most").body()).isEqualTo("1");
        }
    }

    private static RuntimeProcess jvmRuntime() {
        return RuntimeProcess.of(JvmRuntime.class, JvmRuntime.class, Function.class).start();
    }

    private static List<String> sendConcurrently(RuntimeProcess runtime, String path) {
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, REQUESTS)
                .mapToObj(i -> runtime.client().sendAsync(runtime.request(path).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        return responses.stream().map(CompletableFuture::join).map(HttpResponse::body).toList();
    }
}
