package io.fissile.runtime.local;

import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.LogLine;
import io.fissile.runtime.logs.FileFunctionLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A function that prints tens of MiB neither blocks itself nor fills the server's memory or disk. */
class ChattyInstanceTest {

    private static final long LOG_CAP = 1024 * 1024;
    private static final long PRINTED_MIB = 64;

    @TempDir
    Path dataDir;

    @Test
    void printingTensOfMegabytesKeepsTheHeapAndTheLogFileBounded() throws Exception {
        DebianPackages.assumeInstalled("python3", "python3");
        FileFunctionLogs logs = new FileFunctionLogs(dataDir.resolve("logs"), LOG_CAP);
        try (RuntimeHarness harness = RuntimeHarness.create(dataDir, logs, UnaryOperator.identity())) {
            Instance instance = harness.start(InstanceSpec.of("default", "python", "fission/python-env"));
            Files.writeString(instance.userfuncDir().resolve("chatty.py"), """
                    import sys

                    def main():
                        chunk = ("x" * 1023 + "\\n") * 1024
                        for _ in range(%d):
                            sys.stdout.write(chunk)
                        sys.stdout.write("y" * (1 << 20) + "\\n")
                        print("chatty done")
                        return "done"
                    """.formatted(PRINTED_MIB));
            assertThat(InstanceClient.specialize(instance, instance.userfuncPathInInstance() + "/chatty.py", "main")
                    .statusCode()).isBetween(200, 202);
            instance.assignFunction("default", "chatty");
            long heapBefore = usedHeapAfterGc();

            HttpResponse<String> answer = InstanceClient.get(instance, "/");
            assertThat(answer.body()).isEqualTo("done");
            await().atMost(Duration.ofSeconds(60)).until(() -> logs.tail("default", "chatty", 1, null).stream()
                    .anyMatch(line -> line.text().equals("chatty done")));

            long grown = usedHeapAfterGc() - heapBefore;
            assertThat(grown).as("heap growth after printing %d MiB", PRINTED_MIB).isLessThan(PRINTED_MIB * 1024 * 1024 / 4);
            Path file = logs.functionLogFile("default", "chatty");
            assertThat(Files.size(file)).isLessThanOrEqualTo(LOG_CAP);
            assertThat(Files.size(file.resolveSibling("chatty.log.1"))).isLessThanOrEqualTo(LOG_CAP);

            List<LogLine> last = logs.tail("default", "chatty", 2, null);
            assertThat(last.get(0).text()).hasSize(LineSplitter.MAX_LINE_BYTES + LineSplitter.CUT_MARK.length())
                    .startsWith("yyyy").endsWith(LineSplitter.CUT_MARK);
            assertThat(InstanceClient.get(instance, "/").body()).as("the instance still answers").isEqualTo("done");
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
