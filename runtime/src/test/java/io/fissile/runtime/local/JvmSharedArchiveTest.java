package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** JVM instances after the first map a class-data archive that a generic instance left, and still work. */
class JvmSharedArchiveTest {

    @TempDir
    Path dataDir;

    @Test
    void aCleanGenericInstanceLeavesAnArchiveThatLaterInstancesUse() throws Exception {
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir)) {
            Instance first = harness.start(InstanceSpec.of("default", "jvm", "fission/jvm-env"));
            first.stop(Duration.ofSeconds(20)).get();
            List<Path> archives = archives();
            assertThat(archives).hasSize(1);
            assertThat(Files.size(archives.get(0))).isPositive();

            Instance second = harness.start(InstanceSpec.of("default", "jvm", "fission/jvm-env"));
            String commandLine = new String(Files.readAllBytes(Path.of("/proc", Long.toString(RuntimeHarness.runtimePid(second)),
                    "cmdline")), StandardCharsets.UTF_8);
            assertThat(commandLine).contains("-XX:SharedArchiveFile=").contains(archives.get(0).getFileName().toString());

            TestFunction.Package pkg = TestFunction.JVM.install(second);
            assertThat(InstanceClient.specialize(second, pkg.filepath(), pkg.functionName()).statusCode()).isBetween(200, 202);
            assertThat(InstanceClient.post(second, "/", "again").body()).isEqualTo("hello from jvm: again");
        }
    }

    private List<Path> archives() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("runtime/runtimes/cds"))) {
            return files.filter(file -> file.toString().endsWith(".jsa")).toList();
        }
    }
}
