package io.fissile.runtime.logs;

import io.fissile.runtime.LogLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FileFunctionLogsTest {

    @TempDir
    Path dir;

    private FileFunctionLogs logs;

    @AfterEach
    void close() {
        if (logs != null) logs.close();
    }

    @Test
    void keepsEachFunctionsLinesInItsOwnFileAndTailsThemOldestFirst() throws Exception {
        logs = new FileFunctionLogs(dir);
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            logs.append(line(start.plusSeconds(i), "shop", "cart", "line " + i));
            logs.append(line(start.plusSeconds(i), "shop", "checkout", "other " + i));
        }

        assertThat(logs.tail("shop", "cart", 3, null)).extracting(LogLine::text).containsExactly("line 2", "line 3", "line 4");
        assertThat(logs.tail("shop", "cart", 100, start.plusSeconds(2))).extracting(LogLine::text)
                .containsExactly("line 3", "line 4");
        assertThat(logs.tail("shop", "nothing", 10, null)).isEmpty();
        assertThat(Files.readAllLines(dir.resolve("shop/checkout.log"))).hasSize(5)
                .first().isEqualTo("2030-01-01T00:00:00Z\tnodejs-abc123\tstdout\tother 0");
    }

    @Test
    void escapesTabsAndLineBreaksSoEachLineStaysOneRow() {
        logs = new FileFunctionLogs(dir);
        logs.append(line(Instant.now(), "default", "fn", "a\tb\\n\r\nc"));

        assertThat(logs.tail("default", "fn", 1, null)).extracting(LogLine::text).containsExactly("a\tb\\n\r\nc");
    }

    @Test
    void keepsLinesOfGenericInstancesPerEnvironment() throws Exception {
        logs = new FileFunctionLogs(dir);
        logs.append(new LogLine(Instant.now(), null, null, "python-1a2b3c", "stderr", "listening", "default", "python"));

        assertThat(Files.readString(logs.environmentLogFile("default", "python"))).contains("python-1a2b3c\tstderr\tlistening");
    }

    @Test
    void rotatesAtTheCapKeepingOnePreviousFileAndTailsAcrossBoth() throws Exception {
        logs = new FileFunctionLogs(dir, 4096);
        Instant start = Instant.now();
        IntStream.range(0, 500).forEach(i -> logs.append(line(start.plusMillis(i), "default", "chatty", "line number " + i)));

        Path file = logs.functionLogFile("default", "chatty");
        assertThat(Files.size(file)).isLessThanOrEqualTo(4096);
        assertThat(Files.size(file.resolveSibling("chatty.log.1"))).isLessThanOrEqualTo(4096);
        int kept = Files.readAllLines(file).size() + Files.readAllLines(file.resolveSibling("chatty.log.1")).size();
        List<LogLine> all = logs.tail("default", "chatty", 1000, null);
        assertThat(all).hasSize(kept);
        assertThat(all).extracting(LogLine::text)
                .isEqualTo(IntStream.range(500 - kept, 500).mapToObj(i -> "line number " + i).toList());
        assertThat(logs.tail("default", "chatty", 3, null)).extracting(LogLine::text)
                .containsExactly("line number 497", "line number 498", "line number 499");
    }

    @Test
    void followersGetNewLinesUntilTheyClose() throws Exception {
        logs = new FileFunctionLogs(dir);
        List<String> seen = new CopyOnWriteArrayList<>();
        AutoCloseable following = logs.follow("default", "fn", line -> seen.add(line.text()));
        logs.append(line(Instant.now(), "default", "fn", "first"));
        logs.append(line(Instant.now(), "default", "other", "not for us"));
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("first"));

        following.close();
        logs.append(line(Instant.now(), "default", "fn", "after close"));
        Thread.sleep(200);
        assertThat(seen).containsExactly("first");
    }

    @Test
    void aFileCutShortByACrashStillReadsAndContinuesOnANewRow() throws Exception {
        Path file = dir.resolve("default/fn.log");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "2030-01-01T00:00:00Z\tnodejs-abc123\tstdout\twhole\n2030-01-01T00:00:01Z\tnodejs-abc1");
        logs = new FileFunctionLogs(dir);
        logs.append(line(Instant.parse("2030-01-01T00:00:02Z"), "default", "fn", "after restart"));

        assertThat(logs.tail("default", "fn", 10, null)).extracting(LogLine::text).containsExactly("whole", "after restart");
    }

    private static LogLine line(Instant time, String namespace, String function, String text) {
        return new LogLine(time, namespace, function, "nodejs-abc123", "stdout", text, "default", "nodejs");
    }
}
