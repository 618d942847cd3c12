package io.fissile.executor;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.PackageRef;
import io.fissile.runtime.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Newdeploy functions on real node instances: dedicated instances that follow the load between
 * MinScale and MaxScale, scale to zero and back, keep MinScale warm, and roll on updates. The
 * autoscaler's windows are shortened (2 s stable, 0.6 s panic) so that each test takes seconds.
 */
class NewdeployTest {

    private static final Duration LONG = Duration.ofSeconds(60);
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

    private void start() throws Exception {
        harness = ExecutorHarness.startAllTypes(dir, options -> options
                .withIdleCheckInterval(Duration.ofMillis(200))
                .withAutoscaling(AutoscalingOptions.defaults().withTick(Duration.ofMillis(200))
                        .withStableWindow(Duration.ofSeconds(2)).withPanicWindow(Duration.ofMillis(600))));
        // No warm pool: newdeploy instances are started for their function.
        harness.environment("nodejs", TestCode.NODEJS.image, 0);
    }

    private Function dedicated(String name, byte[] code, int minScale, int maxScale, UnaryOperator<FunctionSpec> tweak) {
        harness.literalPackage(name, code);
        return harness.dedicatedFunction(name, "nodejs", name, "", minScale, maxScale, tweak);
    }

    private List<String> running() {
        return harness.runtime.instances().stream().map(Instance::id).toList();
    }

    @Test
    void moreInstancesStartWhileTheLoadExceedsTheTargetAndAreDrainedWhenItFalls() throws Exception {
        start();
        Function function = dedicated("elastic", SLOW, 0, 3, spec -> spec.requestsPerPod(1));

        try (Load steady = new Load(function, 1); Load extra = new Load(function, 2)) {
            await().atMost(LONG).until(() -> harness.counts("elastic").instances() == 3);

            extra.close();
            await().atMost(LONG).until(() -> harness.counts("elastic").instances() == 1);
            int servedAtOne = steady.served();
            await().atMost(LONG).until(() -> steady.served() > servedAtOne + 3);
            assertThat(harness.counts("elastic").instances()).as("one instance carries one request at a time").isEqualTo(1);
        }
        assertThat(harness.stats().coldStartErrors()).isZero();
    }

    @Test
    void withMinScaleZeroItScalesToZeroWhenIdleAndABurstFromZeroIsServedWhole() throws Exception {
        start();
        Function function = dedicated("burst", TestCode.NODEJS.single("hi"), 0, 3, spec -> spec.idleTimeout(1));
        assertThat(harness.invoke(function, "first")).isEqualTo("hi: first");

        await().atMost(LONG).until(() -> harness.counts("burst").instances() == 0 && running().isEmpty());

        List<String> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<String>> sent = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String body = "caller " + i;
                sent.add(callers.submit(() -> {
                    gate.await();
                    return harness.invoke(function, body);
                }));
            }
            gate.countDown();
            for (Future<String> answer : sent) answers.add(answer.get(120, TimeUnit.SECONDS));
        }

        assertThat(answers).hasSize(200).allMatch(answer -> answer.startsWith("hi: caller "));
        assertThat(harness.counts("burst").instances()).isBetween(1, 3);
        assertThat(harness.stats().coldStartErrors()).isZero();
    }

    @Test
    void minScaleInstancesRunBeforeAnyRequestAndAreNeverReapedOrLost() throws Exception {
        start();
        Function function = dedicated("warm", TestCode.NODEJS.single("warm"), 2, 3, spec -> spec.idleTimeout(0));

        await().atMost(LONG).until(() -> harness.counts("warm").instances() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> harness.counts("warm").instances() == 2);
        Lease lease = harness.acquire(function);
        assertThat(lease.coldStart()).isFalse();
        lease.release();

        Instance killed = harness.runtime.instances().getFirst();
        killed.stop(Duration.ZERO).get(30, TimeUnit.SECONDS);
        await().atMost(LONG).until(() -> harness.counts("warm").instances() == 2 && !running().contains(killed.id()));
    }

    @Test
    void updatingTheFunctionRollsItsInstancesToTheNewVersion() throws Exception {
        start();
        Function function = dedicated("rolling", TestCode.NODEJS.single("one"), 1, 1, spec -> spec);
        await().atMost(LONG).until(() -> harness.counts("rolling").instances() == 1);
        String old = running().getFirst();
        assertThat(harness.invoke(function, "x")).isEqualTo("one: x");

        harness.literalPackage("rolling-two", TestCode.NODEJS.single("two"));
        function.spec().packageRef(new FunctionPackageRef().packageRef(new PackageRef().name("rolling-two")));
        Function updated = harness.update(function);

        await().atMost(LONG).until(() -> !running().contains(old) && harness.counts("rolling").instances() == 1);
        Lease lease = harness.acquire(updated);
        assertThat(lease.coldStart()).as("the new version's MinScale instance was started before the request").isFalse();
        assertThat(harness.post(lease, "x").body()).isEqualTo("two: x");
        lease.release();
    }

    @Test
    void deletingTheFunctionStopsItsMinScaleInstancesForGood() throws Exception {
        start();
        dedicated("doomed", TestCode.NODEJS.single("doomed"), 1, 2, spec -> spec);
        await().atMost(LONG).until(() -> harness.counts("doomed").instances() == 1);

        harness.delete(Kinds.FUNCTION, "doomed");

        await().atMost(LONG).until(() -> running().isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> running().isEmpty());
    }

    /** Callers that each send one request after another (300 ms of work each) until closed; every one must succeed. */
    private final class Load implements AutoCloseable {
        private final List<Thread> callers = new ArrayList<>();
        private final AtomicInteger served = new AtomicInteger();
        private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        private volatile boolean running = true;

        Load(Function function, int callers) {
            for (int i = 0; i < callers; i++) {
                this.callers.add(Thread.ofVirtual().start(() -> {
                    while (running) {
                        try {
                            assertThat(harness.invoke(function, "300")).isEqualTo("slept 300");
                            served.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                            return;
                        }
                    }
                }));
            }
        }

        int served() {
            return served.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            for (Thread caller : callers) caller.join();
            assertThat(failures).as("failed requests").isEmpty();
        }
    }
}
