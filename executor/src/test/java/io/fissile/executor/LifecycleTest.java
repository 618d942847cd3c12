package io.fissile.executor;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Package;
import io.fissile.runtime.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Instances over time: idle reaping, deaths, broken connections, updates, deletions, warm pools. */
class LifecycleTest {

    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private ExecutorHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) harness.close();
    }

    private void start() throws Exception {
        harness = ExecutorHarness.start(dir, options -> options.withIdleCheckInterval(Duration.ofMillis(200)));
        harness.environment("nodejs", TestCode.NODEJS.image, 1);
    }

    private Function hello(String name) throws Exception {
        return hello(name, 120);
    }

    private Function hello(String name, int idleTimeout) throws Exception {
        harness.literalPackage(name, TestCode.NODEJS.single(name));
        return harness.function(name, "nodejs", name, "", spec -> spec.idleTimeout(idleTimeout));
    }

    private List<String> running() {
        return harness.runtime.instances().stream().map(Instance::id).toList();
    }

    @Test
    void anIdleInstanceIsStoppedAfterTheIdleTimeoutAndTheNextRequestGetsANewOne() throws Exception {
        start();
        Function function = hello("sleepy", 1);
        Lease first = harness.acquire(function);
        first.release();

        await().atMost(LONG).until(() -> !running().contains(first.instanceId()));
        assertThat(harness.counts("sleepy").instances()).isZero();

        Lease second = harness.acquire(function);
        assertThat(second.coldStart()).isTrue();
        assertThat(second.instanceId()).isNotEqualTo(first.instanceId());
        second.release();
    }

    @Test
    void anInstanceServingARequestIsNotReapedHoweverLongItTakes() throws Exception {
        start();
        Function function = hello("busy", 1);
        Lease lease = harness.acquire(function);

        Thread.sleep(2500);
        assertThat(running()).contains(lease.instanceId());
        assertThat(harness.post(lease, "still here").body()).isEqualTo("busy: still here");
        lease.release();
        await().atMost(LONG).until(() -> !running().contains(lease.instanceId()));
    }

    @Test
    void anInstanceKilledFromOutsideIsReplacedAndTheNextRequestWorks() throws Exception {
        start();
        Function function = hello("victim");
        Lease lease = harness.acquire(function);
        lease.release();

        ListeningProcess.kill(lease.address().getPort());

        // As the router does: a request that cannot reach its instance reports it and asks again.
        String answer;
        try {
            answer = harness.invoke(function, "again");
        } catch (IOException e) {
            answer = harness.invoke(function, "again");
        }
        assertThat(answer).isEqualTo("victim: again");
        await().atMost(LONG).untilAsserted(() -> assertThat(harness.counts("victim").instances()).isEqualTo(1));
        assertThat(running()).doesNotContain(lease.instanceId());
    }

    @Test
    void aLeaseHearsWhenItsInstanceEndsWhileItIsHeld() throws Exception {
        start();
        Function function = hello("doomed");
        Lease lease = harness.acquire(function);
        CompletableFuture<String> ended = lease.instanceEnded();

        ListeningProcess.kill(lease.address().getPort());

        assertThat(ended.get(30, TimeUnit.SECONDS)).isEqualTo("instance " + lease.instanceId() + " exited with status 137: killed by SIGKILL");
        lease.release();
        assertThat(harness.invoke(function, "next")).isEqualTo("doomed: next");
    }

    @Test
    void anUnreachableInstanceIsTakenOutAtOnceAndNeverTriedAgain() throws Exception {
        start();
        Function function = hello("unreachable");
        Lease broken = harness.acquire(function);
        ListeningProcess.kill(broken.address().getPort());
        await().atMost(LONG).until(() -> !running().contains(broken.instanceId()) || !isListening(broken));

        broken.releaseBroken(new ConnectException("Connection refused"));
        Lease next = harness.acquire(function);

        assertThat(next.instanceId()).isNotEqualTo(broken.instanceId());
        assertThat(harness.post(next, "fresh").body()).isEqualTo("unreachable: fresh");
        next.release();
    }

    @Test
    void aLiveInstanceReportedBrokenGoesBackIntoService() throws Exception {
        start();
        Function function = hello("flaky-client");
        Lease first = harness.acquire(function);
        first.releaseBroken(new IOException("the client hung up"));

        await().atMost(LONG).untilAsserted(() -> {
            Lease again = harness.acquire(function);
            again.release();
            assertThat(again.instanceId()).isEqualTo(first.instanceId());
        });
        assertThat(running()).contains(first.instanceId());
    }

    @Test
    void anUpdatedFunctionGetsNewInstancesAndTheOldOneStopsAfterItsRequest() throws Exception {
        start();
        harness.literalPackage("evolving", TestCode.NODEJS.single("version one"));
        Function v1 = harness.function("evolving", "nodejs", "evolving", "");
        Lease old = harness.acquire(v1);

        Package v2Code = harness.literalPackage("evolving-2", TestCode.NODEJS.single("version two"));
        v1.spec().packageRef().packageRef().name(v2Code.name());
        Function v2 = harness.update(v1);

        assertThat(harness.invoke(v2, "new")).isEqualTo("version two: new");
        assertThat(running()).as("the old instance finishes its request").contains(old.instanceId());
        assertThat(harness.post(old, "old").body()).isEqualTo("version one: old");
        old.release();
        await().atMost(LONG).until(() -> !running().contains(old.instanceId()));
        assertThat(harness.counts("evolving").instances()).isEqualTo(1);
    }

    @Test
    void aChangedPackageIsPickedUpByTheNextRequest() throws Exception {
        start();
        Package pkg = harness.literalPackage("repackaged", TestCode.NODEJS.single("before"));
        Function function = harness.function("repackaged", "nodejs", "repackaged", "");
        assertThat(harness.invoke(function, "x")).isEqualTo("before: x");

        pkg.spec().deployment(Archive.ofLiteral(TestCode.NODEJS.single("after")));
        harness.update(pkg);

        assertThat(harness.invoke(function, "x")).isEqualTo("after: x");
        await().atMost(LONG).untilAsserted(() -> assertThat(harness.counts("repackaged").instances()).isEqualTo(1));
    }

    @Test
    void aDeletedFunctionsInstancesStop() throws Exception {
        start();
        Function function = hello("ephemeral");
        Lease lease = harness.acquire(function);
        lease.release();

        harness.delete(Kinds.FUNCTION, "ephemeral");

        await().atMost(LONG).until(() -> !running().contains(lease.instanceId()));
        assertThat(harness.executor.stats().function("default", "ephemeral")).isEmpty();
    }

    @Test
    void thePoolRefillsAfterATakeAndIsRebuiltWhenTheEnvironmentChanges() throws Exception {
        harness = ExecutorHarness.start(dir);
        Environment environment = harness.environment("pooled", TestCode.NODEJS.image, 2);
        await().atMost(LONG).until(() -> warm("pooled") == 2);
        List<String> warmBefore = running();

        harness.literalPackage("swimmer", TestCode.NODEJS.single("swimming"));
        Function function = harness.function("swimmer", "pooled", "swimmer", "");
        Lease lease = harness.acquire(function);
        assertThat(warmBefore).as("the function runs on a warm instance").contains(lease.instanceId());
        lease.release();
        await().atMost(LONG).until(() -> warm("pooled") == 2);
        assertThat(harness.executor.stats().instancesOfEnvironment("default", "pooled")).isEqualTo(3);

        environment.spec().poolsize(1);
        harness.update(environment);

        await().atMost(LONG).untilAsserted(() -> {
            assertThat(harness.executor.stats().pool("default", "pooled")).get()
                    .extracting(ExecutorStats.PoolCounts::size, ExecutorStats.PoolCounts::warm).containsExactly(1, 1);
            assertThat(running()).doesNotContainAnyElementsOf(warmBefore);
        });
        assertThat(harness.invoke(function, "on")).isEqualTo("swimming: on");
    }

    @Test
    void anEnvironmentWithoutAPoolStartsAnInstanceForTheFirstRequest() throws Exception {
        harness = ExecutorHarness.start(dir);
        harness.environment("unpooled", TestCode.NODEJS.image, 0);
        harness.literalPackage("cold", TestCode.NODEJS.single("started for me"));
        Function function = harness.function("cold", "unpooled", "cold", "");
        assertThat(running()).isEmpty();

        Lease lease = harness.acquire(function);

        assertThat(lease.coldStart()).isTrue();
        assertThat(harness.post(lease, "hi").body()).isEqualTo("started for me: hi");
        lease.release();
        assertThat(harness.executor.stats().pool("default", "unpooled")).get()
                .extracting(ExecutorStats.PoolCounts::size, ExecutorStats.PoolCounts::warm).containsExactly(0, 0);
    }

    @Test
    void aWarmInstanceThatDiesIsReplaced() throws Exception {
        harness = ExecutorHarness.start(dir);
        harness.environment("fragile", TestCode.NODEJS.image, 1);
        await().atMost(LONG).until(() -> warm("fragile") == 1);
        Instance warmOne = harness.runtime.instances().getFirst();

        ListeningProcess.kill(warmOne.address().getPort());

        await().atMost(LONG).until(() -> warm("fragile") == 1 && !running().contains(warmOne.id()));
        assertThat(running()).hasSize(1);
    }

    @Test
    void aDeletedEnvironmentsPoolStops() throws Exception {
        harness = ExecutorHarness.start(dir);
        harness.environment("fleeting", TestCode.NODEJS.image, 1);
        await().atMost(LONG).until(() -> warm("fleeting") == 1);
        List<String> warm = running();

        harness.delete(Kinds.ENVIRONMENT, "fleeting");

        await().atMost(LONG).until(() -> running().stream().noneMatch(warm::contains));
        assertThat(harness.executor.stats().pool("default", "fleeting")).isEmpty();
    }

    private int warm(String environment) {
        return harness.executor.stats().pool("default", environment).map(ExecutorStats.PoolCounts::warm).orElse(0);
    }

    private static boolean isListening(Lease lease) {
        try (Socket socket = new Socket()) {
            socket.connect(lease.address(), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
