package io.fissile.cli;

import io.fissile.runtime.LogLine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FunctionLogCommandTest {
    private static final Instant START = Instant.parse("2025-03-01T10:00:00Z");

    @RegisterExtension
    static final FissileServer server = new FissileServer();

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(server, dir);
        Files.writeString(dir.resolve("hello.js"), "module.exports = async () => ({status: 200, body: 'hello'});\n");
    }

    private void createFunction(String name) {
        createFunction(name, "default");
    }

    private void createFunction(String name, String namespace) {
        cli.ok("fn", "create", "--name", name, "--env", "nodejs", "--code", "hello.js", "-n", namespace);
    }

    private static void append(String namespace, String function, Instant time, String stream, String text) {
        server.logs().append(new LogLine(time, namespace, function, "nodejs-7f3a9c", stream, text));
    }

    @Test
    void printsEachLineWithItsTimeAndWithDetailItsInstanceAndStream() {
        createFunction("printed");
        append("default", "printed", START, "stdout", "listening on 8888");
        append("default", "printed", START.plusMillis(1500), "stderr", "TypeError: x is undefined");

        assertThat(cli.ok("fn", "logs", "--name", "printed")).isEqualTo("""
                [2025-03-01T10:00:00.000Z] listening on 8888
                [2025-03-01T10:00:01.500Z] TypeError: x is undefined
                """);
        assertThat(cli.ok("fn", "log", "--name", "printed", "-d")).isEqualTo("""
                [2025-03-01T10:00:00.000Z] [nodejs-7f3a9c stdout] listening on 8888
                [2025-03-01T10:00:01.500Z] [nodejs-7f3a9c stderr] TypeError: x is undefined
                """);
        assertThat(cli.ok("fn", "logs", "--name", "printed", "-r")).isEqualTo("""
                [2025-03-01T10:00:01.500Z] TypeError: x is undefined
                [2025-03-01T10:00:00.000Z] listening on 8888
                """);
    }

    @Test
    void showsTheTwentyMostRecentLinesUnlessRecordcountSaysOtherwise() {
        createFunction("chatty");
        for (int i = 1; i <= 30; i++) append("default", "chatty", START.plusSeconds(i), "stdout", "line " + i);

        assertThat(cli.ok("fn", "logs", "--name", "chatty").lines().toList())
                .hasSize(20).first().asString().endsWith("line 11");
        assertThat(cli.ok("fn", "logs", "--name", "chatty", "--recordcount", "2")).isEqualTo("""
                [2025-03-01T10:00:29.000Z] line 29
                [2025-03-01T10:00:30.000Z] line 30
                """);
    }

    @Test
    void followPrintsTheLinesTheFunctionWritesNext() {
        createFunction("followed");
        append("default", "followed", START, "stdout", "old line");
        append("default", "followed", START.plusSeconds(1), "stdout", "latest line");

        Cli.Running follow = cli.start("fn", "logs", "--name", "followed", "-f", "--recordcount", "1");
        await().atMost(Duration.ofSeconds(15)).until(() -> follow.out().contains("latest line"));
        append("default", "followed", Instant.now(), "stdout", "new line");
        await().atMost(Duration.ofSeconds(15)).until(() -> follow.out().contains("new line"));
        Cli.Run run = follow.stop();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).hasSize(2).first().asString().endsWith("] latest line");
        assertThat(run.out().lines().toList().getLast()).endsWith("] new line");
    }

    @Test
    void linesOfAFunctionInAnotherNamespaceAreReadWithN() {
        createFunction("elsewhere", "team-a");
        append("team-a", "elsewhere", START, "stdout", "from team-a");

        assertThat(cli.ok("fn", "logs", "--name", "elsewhere", "-n", "team-a")).isEqualTo("[2025-03-01T10:00:00.000Z] from team-a\n");
        Cli.Run missing = cli.run("fn", "logs", "--name", "elsewhere");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("Error: function 'elsewhere' not found in namespace 'default'\n");
    }
}
