package io.fissile.runtime.local;

import io.fissile.runtime.local.cgroup.CgroupProbe;
import io.fissile.runtime.local.cgroup.CgroupSupport;
import io.fissile.runtime.local.cgroup.InstanceCgroup;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An instance's processes live in its own cgroup, which holds them to their CPU limit and goes away with them. */
class CgroupLimitsTest {

    @Test
    void aProcessInAnInstanceCgroupIsThrottledToItsCpuLimitAndTheCgroupIsRemovedAfterwards() throws Exception {
        CgroupProbe.Result probe = CgroupProbe.probe("test-" + ProcessHandle.current().pid());
        assumeTrue(probe.available().map(CgroupSupport::limitsCpu).orElse(false), "no writable cgroups: " + probe.note());
        CgroupSupport cgroups = probe.support();
        InstanceCgroup cgroup = cgroups.create("busy-000001", 64L * 1024 * 1024, 50);
        Path cpuDir = cgroup.procsFiles().stream().map(Path::getParent)
                .filter(dir -> Files.exists(dir.resolve("cpu.stat"))).findFirst().orElseThrow();
        LaunchPlan busyLoop = new LaunchPlan(List.of("/bin/sh", "-c", "while :; do :; done"), Map.of(), Path.of("/"),
                List.of());
        try (ProcessLauncher launcher = new ProcessLauncher()) {
            Process busy = launcher.launch(busyLoop, Optional.of(cgroup));
            try {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    assertThat(Files.readAllLines(cpuDir.resolve("cgroup.procs"))).contains(Long.toString(busy.pid()));
                    assertThat(throttledPeriods(cpuDir)).isPositive();
                });
            } finally {
                cgroup.remove();
            }
            // Removing the cgroup kills what is in it; the kill is delivered, and reaped, a moment later.
            assertThat(busy.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(cgroup.procsFiles()).allSatisfy(file -> assertThat(file.getParent()).doesNotExist());
        } finally {
            cgroups.close();
        }
    }

    private static long throttledPeriods(Path cpuDir) throws Exception {
        return Files.readAllLines(cpuDir.resolve("cpu.stat")).stream()
                .filter(line -> line.startsWith("nr_throttled "))
                .mapToLong(line -> Long.parseLong(line.substring("nr_throttled ".length()).trim()))
                .findFirst().orElse(0);
    }
}
