package io.fissile.storage.fs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingTest {
    private static final long ARCHIVE_SIZE = 300L * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void anArchiveNineTimesTheHeapIsStoredAndReadBackThroughTheStream() throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path log = work.resolve("check.log");
        Process check = new ProcessBuilder(java, "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                StreamingCheck.class.getName(), work.resolve("archives").toString(), Long.toString(ARCHIVE_SIZE))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        // Only a guard against a hang: a loaded machine may be slow, but not this slow.
        boolean exited = check.waitFor(5, TimeUnit.MINUTES);
        if (!exited) {
            check.destroyForcibly();
        }

        assertThat(exited).as("the check finished").isTrue();
        assertThat(check.exitValue()).as(Files.readString(log)).isZero();
    }
}
