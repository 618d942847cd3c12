package io.fissile.store.sqlite;

import io.fissile.store.testing.Samples;
import io.fissile.store.testing.RecordingListener;
import io.fissile.api.LabelSelector;
import io.fissile.api.v1.Kinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a process that is writing to the store (SIGKILL, no chance to clean up) at several
 * points, and checks that every write it had acknowledged is still there afterwards.
 */
class CrashSafetyTest {
    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedWriteSurvivesAKillAtAnyMoment() throws Exception {
        Path file = directory.resolve("store.db");
        List<String> acknowledged = new ArrayList<>();
        int[] killAfter = {1, 40, 150};
        for (int round = 0; round < killAfter.length; round++) {
            acknowledged.addAll(runAndKill(file, "round" + round, killAfter[round]));

            try (SqliteResourceStore store = SqliteResourceStore.open(file)) {
                for (String name : acknowledged) {
                    assertThat(store.get(Kinds.FUNCTION, "default", name)).as("acknowledged %s", name).isPresent();
                }
                int stored = store.list(Kinds.FUNCTION, "default", LabelSelector.everything()).items().size();
                // Creates that committed but whose acknowledgement the kill cut off may be there too.
                assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
                assertThat(Long.parseLong(store.currentResourceVersion())).isEqualTo(stored);
            }
        }

        try (SqliteResourceStore store = SqliteResourceStore.open(file)) {
            long before = Long.parseLong(store.currentResourceVersion());
            assertThat(store.create(Samples.function("default", "after-the-crashes")).metadata().resourceVersion())
                    .isEqualTo(Long.toString(before + 1));
        }
    }

    /** Starts a writer, kills it once it has acknowledged {@code atLeast} writes, and returns every name it acknowledged. */
    private List<String> runAndKill(Path file, String prefix, int atLeast) throws Exception {
        Path errors = directory.resolve(prefix + ".err");
        Process child = new ProcessBuilder(javaBinary(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                CrashingWriter.class.getName(), file.toString(), prefix)
                .redirectError(errors.toFile())
                .start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> readCompleteLines(child, lines));
        try {
            RecordingListener.patiently().atMost(Duration.ofMinutes(1))
                    .failFast(() -> assertThat(child.isAlive()).as(() -> "the writer died: " + errorsOf(errors)).isTrue())
                    .until(() -> lines.size() >= atLeast);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            reader.join(TimeUnit.MINUTES.toMillis(1));
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        return lines;
    }

    /** Only lines ended by a newline count: a kill can cut the last one short. */
    private static void readCompleteLines(Process child, List<String> lines) {
        try (Reader in = new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // The pipe breaks when the child is killed; what was read is all that was acknowledged.
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String errorsOf(Path errors) {
        try {
            return Files.exists(errors) ? Files.readString(errors) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
