package io.fissile.executor;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.runtime.Instance;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** How requests share instances: first requests, requestsPerPod, concurrency, the wait before 429, onceOnly. */
class CapacityTest {

    /** Sleeps for the number of milliseconds in the request body. */
    private static final byte[] SLOW = TestCode.bytes("""
            module.exports = async function (context) {
              const millis = Number(context.request.body) || 0;
              await new Promise((resolve) => setTimeout(resolve, millis));
              return { status: 200, body: 'slept ' + millis };
            };
            """);

    @TempDir
    Path dir;
    private ExecutorHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) harness.close();
    }

    private Function slowFunction(String name, UnaryOperator<ExecutorOptions> options,
                                  UnaryOperator<FunctionSpec> limits) throws Exception {
        harness = ExecutorHarness.start(dir, options);
        harness.environment("nodejs", "fission/node-env", 1);
        harness.literalPackage(name, SLOW);
        return harness.function(name, "nodejs", name, "", limits);
    }

    @Test
    void concurrentFirstRequestsShareTheOneInstanceBeingSpecialized() throws Exception {
        Function function = slowFunction("shared", UnaryOperator.identity(), spec -> spec.requestsPerPod(10));

        List<Lease> leases = acquireAtOnce(function, 10);

        assertThat(leases).extracting(Lease::instanceId).containsOnly(leases.getFirst().instanceId());
        assertThat(harness.executor.stats().coldStarts()).isEqualTo(1);
        assertThat(harness.counts("shared").instances()).isEqualTo(1);
        assertThat(harness.counts("shared").requestsInFlight()).isEqualTo(10);
        leases.forEach(Lease::release);
        assertThat(harness.counts("shared").requestsInFlight()).isZero();
    }

    @Test
    void concurrentFirstRequestsAreAllServedWithinTheConcurrencyLimit() throws Exception {
        Function function = slowFunction("bounded", options -> options.withRequestWait(Duration.ofSeconds(60)),
                spec -> spec.requestsPerPod(1).concurrency(3));
        AtomicInteger mostInstances = new AtomicInteger();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (sampling.get()) {
                mostInstances.accumulateAndGet(harness.counts("bounded").instances(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        List<String> answers = new ArrayList<>();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(requests.submit(() -> {
                    gate.await();
                    return harness.invoke(function, "200");
                }));
            }
            gate.countDown();
            for (Future<String> answer : sent) answers.add(answer.get(120, TimeUnit.SECONDS));
        } finally {
            sampling.set(false);
            sampler.join();
        }

        assertThat(answers).hasSize(10).containsOnly("slept 200");
        assertThat(mostInstances.get()).isBetween(1, 3);
        assertThat(harness.executor.stats().coldStarts()).isBetween(1L, 3L);
        assertThat(harness.executor.stats().coldStartErrors()).isZero();
    }

    @Test
    void atItsLimitARequestWaitsForRoomAndOneThatFindsNoneInTimeIsRefused() throws Exception {
        Function function = slowFunction("capped", options -> options.withRequestWait(Duration.ofSeconds(2)),
                spec -> spec.requestsPerPod(1).concurrency(1));
        Lease first = harness.acquire(function);
        CompletableFuture<HttpResponse<String>> slowRequest = CompletableFuture.supplyAsync(() -> {
            try {
                return harness.post(first, "1000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                first.release();
            }
        });

        CompletableFuture<Lease> second = harness.executor.acquire(function);
        Thread.sleep(300);
        assertThat(second).as("the second request waits while the only instance is busy").isNotDone();
        assertThat(slowRequest.get(60, TimeUnit.SECONDS).body()).isEqualTo("slept 1000");
        Lease secondLease = second.get(60, TimeUnit.SECONDS);
        assertThat(secondLease.instanceId()).isEqualTo(first.instanceId());
        assertThat(secondLease.coldStart()).isFalse();

        CompletableFuture<Lease> third = harness.executor.acquire(function);
        assertThatRefusal(third).isEqualTo(
                "function \"default/capped\" is at its concurrency limit (1 instance x 1 request each); try again later");
        assertThat(harness.counts("capped").instances()).isEqualTo(1);
        secondLease.release();
        harness.acquire(function).release();
    }

    @Test
    void anInstanceServesRequestsPerPodAtOnceAndTheFunctionNoMoreThanItsConcurrency() throws Exception {
        Function function = slowFunction("pair", options -> options.withRequestWait(Duration.ZERO),
                spec -> spec.requestsPerPod(2).concurrency(1));
        Lease first = harness.acquire(function);
        Lease second = harness.acquire(function);

        assertThat(second.instanceId()).isEqualTo(first.instanceId());
        assertThatRefusal(harness.executor.acquire(function))
                .isEqualTo("function \"default/pair\" is at its concurrency limit (1 instance x 2 requests each); try again later");
        first.release();
        Lease third = harness.acquire(function);
        assertThat(third.instanceId()).isEqualTo(first.instanceId());
        second.release();
        third.release();
    }

    @Test
    void aOnceOnlyFunctionGetsAFreshInstanceForEveryRequest() throws Exception {
        Function function = slowFunction("once", UnaryOperator.identity(), spec -> spec.onceOnly(true));
        Lease first = harness.acquire(function);
        assertThat(harness.post(first, "0").body()).isEqualTo("slept 0");
        first.release();

        Lease second = harness.acquire(function);
        assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
        assertThat(harness.post(second, "0").body()).isEqualTo("slept 0");
        second.release();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(harness.runtime.instances())
                .extracting(Instance::id).doesNotContain(first.instanceId(), second.instanceId()));
    }

    private List<Lease> acquireAtOnce(Function function, int count) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<CompletableFuture<Lease>> pending = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<CompletableFuture<Lease>>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                calls.add(callers.submit(() -> {
                    gate.await();
                    return harness.executor.acquire(function);
                }));
            }
            gate.countDown();
            for (Future<CompletableFuture<Lease>> call : calls) pending.add(call.get());
        }
        List<Lease> leases = new ArrayList<>();
        for (CompletableFuture<Lease> lease : pending) leases.add(lease.get(90, TimeUnit.SECONDS));
        return leases;
    }

    private static AbstractStringAssert<?> assertThatRefusal(CompletableFuture<Lease> acquired)
            throws InterruptedException, TimeoutException {
        try {
            Lease lease = acquired.get(60, TimeUnit.SECONDS);
            lease.release();
            throw new AssertionError("expected a refusal, got instance " + lease.instanceId());
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(TooManyRequestsException.class);
            return assertThat(e.getCause().getMessage());
        }
    }
}
