package io.fissile.runtime.local;

import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.LogLine;
import io.fissile.runtime.local.LocalRuntimeOptions.CgroupMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A function that allocates far beyond its memory limit is ended, and the executor and the user can tell why. */
class MemoryLimitTest {

    private static final long LIMIT = 128L * 1024 * 1024;
    private static final String ENDED = "ended for exceeding its memory limit of 128Mi";

    @TempDir
    Path dataDir;

    @Test
    void theKernelEndsAFunctionExceedingItsLimit() throws Exception {
        DebianPackages.assumeInstalled("python3", "python3");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            assumeTrue(harness.runtime.capabilities().memoryLimits(), harness.runtime.capabilities().notes());
            Instance instance = harness.start(limited("python", "fission/python-env"));
            Files.writeString(instance.userfuncDir().resolve("hog.py"), """
                    def main():
                        hog = b"x" * (1 << 30)
                        return str(len(hog))
                    """);
            specializeAs(instance, "/hog.py", "main");

            callExpectingItsDeath(instance);

            assertEndedForMemory(harness, instance);
        }
    }

    @Test
    void withoutCgroupsTheRuntimesOwnLimitEndsTheFunction() throws Exception {
        DebianPackages.assumeInstalled("node", "nodejs");
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir, options -> options.withCgroups(CgroupMode.OFF))) {
            assertThat(harness.runtime.capabilities().memoryLimits()).isFalse();
            Instance instance = harness.start(limited("nodejs", "fission/node-env"));
            Files.writeString(instance.userfuncDir().resolve("hog.js"), """
                    module.exports = async () => {
                      const hog = [];
                      for (;;) hog.push(new Array(1 << 20).fill(hog.length));
                    };
                    """);
            specializeAs(instance, "/hog.js", "");

            callExpectingItsDeath(instance);

            assertEndedForMemory(harness, instance);
        }
    }

    private static InstanceSpec limited(String environment, String image) {
        return new InstanceSpec("default", environment, image, Map.of(), List.of(), LIMIT, 500);
    }

    private static void specializeAs(Instance instance, String file, String entrypoint) throws Exception {
        assertThat(InstanceClient.specialize(instance, instance.userfuncPathInInstance() + file, entrypoint).statusCode())
                .isBetween(200, 202);
        instance.assignFunction("shop", "hog");
    }

    private static void callExpectingItsDeath(Instance instance) throws Exception {
        try {
            int status = InstanceClient.get(instance, "/").statusCode();
            assertThat(status).as("a request whose instance died cannot succeed").isGreaterThanOrEqualTo(500);
        } catch (IOException connectionLost) {
            // the usual outcome: the instance died mid-request
        }
        instance.exited().get(60, TimeUnit.SECONDS);
    }

    private static void assertEndedForMemory(RuntimeHarness harness, Instance instance) {
        ExitReason reason = instance.exitReason().orElseThrow();
        assertThat(reason.outOfMemory()).as(reason.toString()).isTrue();
        assertThat(reason.message()).isEqualTo(ENDED);
        assertThat(harness.runtime.instances()).doesNotContain(instance);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(harness.logs.tail("shop", "hog", 50, null))
                .filteredOn(line -> line.stream().equals(LogLine.RUNTIME_STREAM))
                .extracting(LogLine::text)
                .containsExactly("Instance " + instance.id() + " " + ENDED));
    }
}
