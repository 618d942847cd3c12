package io.fissile.runtime.local;

import io.fissile.runtime.CommandResult;
import io.fissile.runtime.CommandSpec;
import io.fissile.runtime.ExitReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One-off commands (builds): what they see, what they leave, how they end. */
class LocalCommandRunnerTest {

    @TempDir
    Path dataDir;

    private LocalCommandRunner runner;
    private Path work;

    @BeforeEach
    void setUp() throws Exception {
        DebianPackages.assumeInstalled("bwrap", "bubblewrap");
        runner = LocalCommandRunner.create(dataDir.resolve("commands"), LocalRuntimeOptions.SandboxMode.REQUIRED,
                LocalRuntimeOptions.CgroupMode.AUTO);
        work = Files.createDirectories(dataDir.resolve("work"));
    }

    @AfterEach
    void tearDown() {
        if (runner != null) runner.close();
    }

    @Test
    void aSandboxedCommandChangesItsWorkingDirectoryAndSeesNothingElseOfTheServer() throws Exception {
        Path planted = Files.writeString(dataDir.resolve("server-secret.txt"), "the server's own secret");
        CommandSpec spec = shell("echo built > out.txt; echo \"src=$SRC_PKG\"; cat " + planted + " || echo hidden;"
                + " touch " + dataDir.resolve("escaped"))
                .withEnvironment(Map.of("SRC_PKG", work.toString()));

        CommandResult result = runner.run(spec);

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.sandboxed()).isTrue();
        assertThat(Files.readString(work.resolve("out.txt"))).isEqualTo("built\n");
        assertThat(result.output()).contains("src=" + work, "hidden").doesNotContain("own secret");
        assertThat(dataDir.resolve("escaped")).as("a file written outside its directories stays in the sandbox").doesNotExist();
    }

    @Test
    void aFailingCommandReportsItsExitStatusAndOutput() throws Exception {
        CommandResult result = runner.run(shell("echo compiling; echo 'error: no such file' >&2; exit 3"));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.exit().kind()).isEqualTo(ExitReason.Kind.EXITED);
        assertThat(result.exit().status()).isEqualTo(3);
        assertThat(result.output()).contains("compiling", "error: no such file");
    }

    @Test
    void aCommandPastItsTimeLimitIsEndedWithEverythingItStarted() throws Exception {
        Path marker = work.resolve("still-running");
        CommandSpec spec = shell("(sleep 3; touch " + marker + ") & echo started; sleep 600")
                .withTimeLimit(Duration.ofSeconds(2));

        CommandResult result = runner.run(spec);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exit().message()).contains("time limit of 2 s");
        assertThat(result.output()).contains("started");
        Thread.sleep(2_000);
        assertThat(marker).as("the background child was ended too").doesNotExist();
    }

    @Test
    void onlyTheEndOfALongOutputIsKept() throws Exception {
        CommandResult result = runner.run(shell("i=0; while [ $i -lt 2000 ]; do echo line-$i; i=$((i+1)); done")
                .withOutputLimit(1000));

        assertThat(result.output()).endsWith("line-1999\n").doesNotContain("line-0\n").hasSizeLessThanOrEqualTo(1000);
        assertThat(result.cutBytes()).isPositive();
    }

    private CommandSpec shell(String script) {
        return CommandSpec.of("test", List.of("/bin/sh", "-c", script), work);
    }
}
