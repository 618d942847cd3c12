package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A server killed with -9 leaves instances behind; its next start removes them. */
class LeftoverCleanupTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKillsProcessesOfThePreviousRunAndRemovesTheirDirectories() throws Exception {
        Path instances = Files.createDirectories(dataDir.resolve("runtime/instances"));
        Process leftover = new ProcessBuilder("sleep", "300").start();
        Process stranger = new ProcessBuilder("sleep", "301").start();
        try {
            InstanceDirectory crashed = InstanceDirectory.create(instances, "python-0a0b0c");
            crashed.processRecord().write(leftover.pid(), List.of("sleep", "300"));
            InstanceDirectory reused = InstanceDirectory.create(instances, "nodejs-0d0e0f");
            // The pid now belongs to another program: it must be left alone.
            reused.processRecord().write(stranger.pid(), List.of("node", "/fissile/runtime/server.js"));

            try (RuntimeHarness restarted = RuntimeHarness.create(dataDir)) {
                assertThat(restarted.runtime.instances()).isEmpty();
                assertThat(leftover.waitFor(30, TimeUnit.SECONDS)).as("the leftover process is killed").isTrue();
                assertThat(stranger.isAlive()).isTrue();
                assertThat(instances).isEmptyDirectory();
            }
        } finally {
            leftover.destroyForcibly();
            stranger.destroyForcibly();
        }
    }

    @Test
    void aRestartEndsTheInstancesOfARunThatNeverShutDown() throws Exception {
        DebianPackages.assumeInstalled("node", "nodejs");
        try (RuntimeHarness crashed = RuntimeHarness.create(dataDir)) {
            Instance orphan = crashed.start(InstanceSpec.of("default", "nodejs", "fission/node-env"));
            long orphanPid = RuntimeHarness.runtimePid(orphan);

            try (RuntimeHarness restarted = RuntimeHarness.create(dataDir)) {
                orphan.exited().get(30, TimeUnit.SECONDS);
                assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).isEmpty();
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(dataDir.resolve("runtime/instances")).isEmptyDirectory());
                assertThat(restarted.runtime.instances()).isEmpty();
            }
        }
    }
}
