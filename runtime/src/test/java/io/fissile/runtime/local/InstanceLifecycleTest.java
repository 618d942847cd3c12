package io.fissile.runtime.local;

import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** How instances end and fail to start, as the executor sees it. */
class InstanceLifecycleTest {

    @TempDir
    Path dataDir;

    @Test
    void anInstanceKilledFromOutsideEndsAndLeavesTheRuntimesInstances() throws Exception {
        DebianPackages.assumeInstalled("python3", "python3");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            Instance instance = harness.start(InstanceSpec.of("default", "python", "fission/python-env"));
            Instance bystander = harness.start(InstanceSpec.of("default", "python", "fission/python-env"));

            Process kill = new ProcessBuilder("kill", "-9", Long.toString(RuntimeHarness.runtimePid(instance))).start();
            assertThat(kill.waitFor()).isZero();

            assertThat(instance.exited().get(30, TimeUnit.SECONDS)).isNotZero();
            assertThat(instance.exitReason()).map(ExitReason::kind).contains(ExitReason.Kind.KILLED);
            assertThat(instance.exitReason().orElseThrow().message()).contains("SIGKILL");
            assertThat(harness.runtime.instances()).containsExactly(bystander);
            assertThat(Files.exists(instance.userfuncDir())).isFalse();
            assertThat(Files.readString(harness.logs.environmentLogFile("default", "python")))
                    .contains(instance.id() + "\t" + LogLine.RUNTIME_STREAM + "\tInstance " + instance.id() + " killed by SIGKILL");
        }
    }

    @Test
    void stopEndsAnInstanceThatIgnoresSigtermOnceTheGraceIsOver() throws Exception {
        DebianPackages.assumeInstalled("node", "nodejs");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            Instance instance = harness.start(InstanceSpec.of("default", "nodejs", "fission/node-env"));
            Files.writeString(instance.userfuncDir().resolve("stubborn.js"), """
                    process.removeAllListeners('SIGTERM');
                    process.on('SIGTERM', () => console.log('not stopping'));
                    module.exports = async () => 'still here';
                    """);
            assertThat(InstanceClient.specialize(instance, instance.userfuncPathInInstance() + "/stubborn.js", "")
                    .statusCode()).isBetween(200, 202);

            long started = System.nanoTime();
            instance.stop(Duration.ofMillis(500)).get(30, TimeUnit.SECONDS);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
            assertThat(instance.exitReason()).map(ExitReason::kind).contains(ExitReason.Kind.STOPPED);
            assertThat(harness.runtime.instances()).isEmpty();
        }
    }

    @Test
    void anUnknownImageIsRefusedWithTheImagesThatWork() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            CompletableFuture<Instance> start = harness.runtime.start(InstanceSpec.of("default", "ruby", "fission/ruby-env:1.0"));

            assertThatThrownBy(() -> start.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(InstanceStartException.class)
                    .hasMessageContaining("fission/ruby-env:1.0")
                    .hasMessageContaining("fission/node-env");
        }
    }

    @Test
    void aRuntimeThatExitsAtStartFailsTheStartWithItsOutput() throws Exception {
        DebianPackages.assumeInstalled("node", "nodejs");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            InstanceSpec broken = new InstanceSpec("default", "nodejs", "fission/node-env",
                    Map.of("NODE_OPTIONS", "--no-such-option"), List.of(), 0, 0);

            assertThatThrownBy(() -> harness.runtime.start(broken).get(60, TimeUnit.SECONDS))
                    .cause().isInstanceOf(InstanceStartException.class)
                    .hasMessageContaining("exited with status")
                    .hasMessageContaining("before accepting connections")
                    .hasMessageContaining("--no-such-option");
            assertThat(harness.runtime.instances()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(dataDir.resolve("runtime/instances")).isEmptyDirectory());
        }
    }

    @Test
    void closeStopsEveryInstance() throws Exception {
        DebianPackages.assumeInstalled("node", "nodejs");
        RuntimeHarness harness = RuntimeHarness.create(dataDir);
        List<Instance> instances = List.of(harness.start(InstanceSpec.of("default", "nodejs", "fission/node-env")),
                harness.start(InstanceSpec.of("default", "nodejs", "fission/node-env")));

        harness.close();

        assertThat(instances).allSatisfy(instance -> {
            assertThat(instance.exited()).isDone();
            assertThat(instance.isAlive()).isFalse();
        });
        assertThat(dataDir.resolve("runtime/instances")).isEmptyDirectory();
    }
}
