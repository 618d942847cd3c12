package io.fissile.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A time trigger on a real server: every second it calls a Node.js function through the router with
 * the trigger's method, subpath and {@code X-Fission-Timer-Name}; across a restart no scheduled
 * time fires twice and the times missed while the server was down are skipped, and logged, not replayed;
 * an update and a delete take effect at once.
 */
class TimerEndToEndTest {
    private static final Pattern CALL = Pattern.compile(
            "timer-call method=(\\S+) url=(\\S+) timer=(\\S+) scheduled=(\\S+)");
    private static final Pattern SKIPPED = Pattern.compile(
            "timer default/ticker: skipped (\\d+) firings? scheduled while the server was down \\(last at (\\S+)\\)");

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    ServerProcess server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void aTimerCallsItsFunctionEverySecondAndARestartNeitherRepeatsNorReplaysScheduledTimes() throws Exception {
        server = ServerProcess.start(dataDir);
        fissileOk("env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "1");
        fissileOk("fn", "create", "--name", "recorder", "--env", "nodejs", "--code",
                Path.of(getClass().getResource("/functions/timer-recorder.js").toURI()).toString());
        String created = fissileOk("tt", "create", "--name", "ticker", "--function", "recorder",
                "--cron", "@every 1s", "--method", "PUT", "--subpath", "/tick");
        assertThat(created).contains("Next 1 invocation");

        List<Call> beforeRestart = await().atMost(Duration.ofSeconds(90)).until(this::calls, calls -> calls.size() >= 3);
        Call first = beforeRestart.getFirst();
        assertThat(first.method()).isEqualTo("PUT");
        assertThat(first.url()).isEqualTo("/tick");
        assertThat(first.timer()).isEqualTo("ticker");
        assertThat(first.scheduled().getNano()).as("scheduled times are whole seconds").isZero();

        server.close();
        Thread.sleep(4_000);
        server = ServerProcess.start(dataDir);

        // What the function logged before the server stopped is in the log now (calls were still finishing).
        List<Call> stopped = calls();
        Instant lastBeforeStop = stopped.getLast().scheduled();
        Matcher skipped = await().atMost(Duration.ofSeconds(30)).until(() -> SKIPPED.matcher(server.output()), Matcher::find);
        assertThat(Integer.parseInt(skipped.group(1))).as("seconds missed while down").isGreaterThanOrEqualTo(4);
        Instant lastSkipped = Instant.parse(skipped.group(2));

        List<Call> all = await().atMost(Duration.ofSeconds(90)).until(this::calls,
                calls -> calls.stream().filter(c -> c.scheduled().isAfter(lastSkipped)).count() >= 3);
        List<Instant> scheduled = all.stream().map(Call::scheduled).toList();
        assertThat(scheduled).as("no scheduled time fires twice").doesNotHaveDuplicates();
        assertThat(scheduled).as("times missed while down are not replayed")
                .noneMatch(t -> t.isAfter(lastBeforeStop) && !t.isAfter(lastSkipped));
        assertThat(all).allMatch(c -> c.method().equals("PUT") && c.url().equals("/tick") && c.timer().equals("ticker"));
        assertThat(server.metric("fissile_timetrigger_skipped_total", null).orElse(-1))
                .as("the restarted server's /metrics counts what it skipped").isGreaterThanOrEqualTo(4);
        assertThat(server.metric("fissile_timetrigger_firings_total", null).orElse(-1)).isGreaterThanOrEqualTo(3);

        // Changes take effect without a restart (and the update is not refused although every firing writes the status).
        fissileOk("tt", "update", "--name", "ticker", "--subpath", "/tock");
        await().atMost(Duration.ofSeconds(30)).until(() -> calls().stream().anyMatch(c -> c.url().equals("/tock")));

        // Deleting the trigger stops it without a restart.
        fissileOk("tt", "delete", "--name", "ticker");
        Thread.sleep(1_500);   // a call fired just before the delete may still be on its way
        int afterDelete = calls().size();
        Thread.sleep(3_000);
        assertThat(calls()).hasSize(afterDelete);
    }

    record Call(String method, String url, String timer, Instant scheduled) {
    }

    /** The timer's calls, as the function logged them, read with {@code fissile fn logs}. */
    List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        Matcher m = CALL.matcher(fissileOk("fn", "logs", "--name", "recorder", "--recordcount", "10000"));
        while (m.find()) calls.add(new Call(m.group(1), m.group(2), m.group(3), Instant.parse(m.group(4))));
        calls.sort((a, b) -> a.scheduled().compareTo(b.scheduled()));
        return calls;
    }

    String fissileOk(String... args) {
        return server.cliOk(work, args);
    }
}
