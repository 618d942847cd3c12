package io.fissile.triggers.timer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.store.ResourceStore;
import io.fissile.store.sqlite.SqliteResourceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduling decisions, on a clock the test moves and a real SQLite store: each scheduled time
 * fires once, is recorded before the call, is never fired twice across a restart or by a second
 * engine, and times missed while no engine ran are skipped and logged.
 */
class TimerEngineTest {
    @TempDir
    Path dir;

    ResourceStore store;
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00.200Z"));
    final TimerCounters counters = new TimerCounters();
    final List<Firing> called = new CopyOnWriteArrayList<>();
    final Executor calls = task -> Thread.ofVirtual().start(task);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final List<TimerEngine> engines = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openStore() {
        store = SqliteResourceStore.open(dir.resolve("fissile.db"));
        logs.start();
        ((Logger) LoggerFactory.getLogger(TimerEngine.class)).addAppender(logs);
    }

    @AfterEach
    void closeStore() {
        engines.forEach(TimerEngine::close);
        ((Logger) LoggerFactory.getLogger(TimerEngine.class)).detachAppender(logs);
        store.close();
    }

    @Test
    void eachScheduledTimeFiresOnceAndIsRecordedBeforeTheCall() {
        TimeTrigger trigger = create("t1", "@every 5s", "fn");
        List<String> recordedWhenCalled = new CopyOnWriteArrayList<>();
        TimerEngine engine = engine(firing -> {
            recordedWhenCalled.add(lastFired("t1"));
            called.add(firing);
        });
        engine.add(trigger);

        at("10:00:04.900");
        assertThat(engine.tick()).as("not due yet").isEqualTo(time("10:00:05"));
        at("10:00:05.010");
        assertThat(engine.tick()).isEqualTo(time("10:00:10"));
        awaitCalls(1);
        at("10:00:10.003");
        engine.tick();
        awaitCalls(2);

        assertThat(scheduledTimes()).containsExactly(time("10:00:05"), time("10:00:10"));
        assertThat(recordedWhenCalled).containsExactly("2026-11-23T10:00:05Z", "2026-11-23T10:00:10Z");
        Firing first = called.getFirst();
        assertThat(first.target()).isEqualTo(new TimerTarget("fn", "POST", ""));
        assertThat(first.trigger()).isEqualTo("t1");
        assertThat(first.namespace()).isEqualTo("default");
    }

    @Test
    void afterARestartTheMissedTimesAreSkippedAndLoggedAndNoneFiresTwice() {
        TimeTrigger trigger = create("t1", "@every 5s", "fn");
        TimerEngine before = engine(called::add);
        before.add(trigger);
        at("10:00:05.010");
        before.tick();
        at("10:00:10.010");
        before.tick();
        awaitCalls(2);
        before.close();

        at("10:00:27.300");   // down from 10:00:10 to 10:00:27: 15, 20 and 25 were missed
        TimerEngine after = engine(called::add);
        after.add(stored("t1"));

        assertThat(messages()).contains(
                "timer default/t1: skipped 3 firings scheduled while the server was down (last at 2026-11-23T10:00:25Z)");
        assertThat(counters.skipped()).isEqualTo(3);
        assertThat(after.tick()).as("the schedule keeps its phase").isEqualTo(time("10:00:30"));
        at("10:00:30.001");
        after.tick();
        awaitCalls(3);
        assertThat(scheduledTimes()).containsExactly(time("10:00:05"), time("10:00:10"), time("10:00:30"));
    }

    @Test
    void aTimeThatCameDueWhileTheTimersWereStartingFiresLate() {
        TimeTrigger trigger = create("t1", "@every 5s", "fn");
        TimerEngine before = engine(called::add);
        before.add(trigger);
        at("10:00:05.010");
        before.tick();
        awaitCalls(1);
        before.close();

        at("10:00:15.400");   // 10 was missed; 15 came due 400 ms ago
        TimerEngine after = engine(called::add);
        after.add(stored("t1"));
        assertThat(after.tick()).isEqualTo(time("10:00:20"));

        awaitCalls(2);
        assertThat(scheduledTimes()).containsExactly(time("10:00:05"), time("10:00:15"));
        assertThat(messages()).contains(
                "timer default/t1: skipped 1 firing scheduled while the server was down (last at 2026-11-23T10:00:10Z)");
    }

    @Test
    void aRestartWithinOneIntervalSkipsNothing() {
        TimeTrigger trigger = create("t1", "@every 5s", "fn");
        TimerEngine before = engine(called::add);
        before.add(trigger);
        at("10:00:05.010");
        before.tick();
        awaitCalls(1);
        before.close();

        at("10:00:07");
        TimerEngine after = engine(called::add);
        after.add(stored("t1"));

        assertThat(after.tick()).isEqualTo(time("10:00:10"));
        assertThat(counters.skipped()).isZero();
        assertThat(messages()).noneMatch(m -> m.contains("skipped"));
    }

    @Test
    void aTimeRecordedButNotYetCalledWhenTheServerDiedIsNotCalledAgain() {
        TimeTrigger trigger = create("t1", "@every 5s", "fn");
        CountDownLatch never = new CountDownLatch(1);
        TimerEngine crashing = engine(firing -> {
            called.add(firing);
            awaitQuietly(never);   // the process "dies" during the call
        });
        crashing.add(trigger);
        at("10:00:05.010");
        crashing.tick();
        awaitCalls(1);

        at("10:00:05.500");
        TimerEngine restarted = engine(called::add);
        restarted.add(stored("t1"));

        assertThat(restarted.tick()).isEqualTo(time("10:00:10"));
        never.countDown();
    }

    @Test
    void aSecondEngineCannotFireATimeTheFirstFired() {
        TimeTrigger trigger = create("t1", "@every 5s", "fn");
        List<Firing> calledBySecond = new CopyOnWriteArrayList<>();
        TimerEngine first = engine(called::add);
        TimerEngine second = engine(calledBySecond::add);
        first.add(trigger);
        second.add(trigger);

        at("10:00:05.010");
        first.tick();
        awaitCalls(1);
        second.tick();

        await().atMost(Duration.ofSeconds(10)).until(() -> messages().stream().anyMatch(m ->
                m.equals("timer default/t1: the firing scheduled at 2026-11-23T10:00:05Z was made already, or the trigger is gone; not calling again")));
        assertThat(calledBySecond).isEmpty();
    }

    @Test
    void aSlowCallDelaysNeitherItsOwnNextFiringNorOtherTriggers() {
        CountDownLatch release = new CountDownLatch(1);
        TimerEngine engine = engine(firing -> {
            called.add(firing);
            if (firing.target().function().equals("slow")) awaitQuietly(release);
        });
        engine.add(create("slow", "* * * * * *", "slow"));
        engine.add(create("fast", "* * * * * *", "fast"));

        at("10:00:01.001");
        engine.tick();
        at("10:00:02.001");
        engine.tick();

        // Both calls of "slow" started although the first has not returned.
        awaitCalls(4);
        assertThat(called).extracting(f -> f.trigger() + "@" + f.scheduled().toString().substring(11))
                .containsExactlyInAnyOrder("slow@10:00:01Z", "fast@10:00:01Z", "slow@10:00:02Z", "fast@10:00:02Z");
        release.countDown();
    }

    @Test
    void aLateSchedulerFiresTheLatestDueTimeOnly() {
        TimerEngine engine = engine(called::add);
        engine.add(create("t1", "@every 5s", "fn"));

        at("10:00:21");   // 05, 10, 15 and 20 are all due
        assertThat(engine.tick()).isEqualTo(time("10:00:25"));

        awaitCalls(1);
        assertThat(scheduledTimes()).containsExactly(time("10:00:20"));
        assertThat(counters.skipped()).isEqualTo(3);
        assertThat(messages()).anyMatch(m -> m.startsWith("timer default/t1: running late; skipped 3 earlier firings"));
    }

    @Test
    void changesTakeEffectAtOnce() {
        TimeTrigger original = create("t1", "@every 5s", "a");
        TimerEngine engine = engine(called::add);
        engine.add(original);

        // A new function keeps the schedule.
        TimeTrigger newFunction = stored("t1");
        newFunction.spec().functionRef(FunctionReference.byName("b")).method("GET").subpath("/tick");
        newFunction = store.update(newFunction);
        engine.update(original, newFunction);
        at("10:00:05.010");
        assertThat(engine.tick()).isEqualTo(time("10:00:10"));
        awaitCalls(1);
        assertThat(called.getFirst().target()).isEqualTo(new TimerTarget("b", "GET", "/tick"));

        // A status write (the engine's own record) changes nothing.
        TimeTrigger withStatus = stored("t1");
        engine.update(newFunction, withStatus);
        assertThat(engine.tick()).isEqualTo(time("10:00:10"));

        // A new schedule starts from now.
        at("10:00:07.500");
        TimeTrigger newSchedule = stored("t1");
        newSchedule.spec().cron("@every 1m");
        newSchedule = store.update(newSchedule);
        engine.update(withStatus, newSchedule);
        assertThat(engine.tick()).isEqualTo(time("10:01:07"));

        // Deleted: nothing left to fire.
        engine.remove(store.delete(Kinds.TIME_TRIGGER, "default", "t1"));
        assertThat(engine.tick()).isNull();
    }

    @Test
    void aTriggerWithABadScheduleIsNotScheduledAndSaysWhy() {
        TimeTrigger trigger = Kinds.TIME_TRIGGER.create("default", "bad");
        trigger.spec().cron("@fortnightly").functionRef(FunctionReference.byName("fn"));
        TimerEngine engine = engine(called::add);

        engine.add(trigger);

        assertThat(engine.tick()).isNull();
        assertThat(messages()).anyMatch(m -> m.startsWith("timer default/bad: not scheduled: unknown descriptor \"@fortnightly\""));
    }

    // ---- helpers

    TimerEngine engine(Consumer<Firing> caller) {
        TimerEngine engine = new TimerEngine(clock, new FiringLedger(store), caller, counters, calls);
        engines.add(engine);
        return engine;
    }

    TimeTrigger create(String name, String cron, String function) {
        TimeTrigger trigger = Kinds.TIME_TRIGGER.create("default", name);
        trigger.spec().cron(cron).functionRef(FunctionReference.byName(function));
        return store.create(trigger);
    }

    TimeTrigger stored(String name) {
        return store.get(Kinds.TIME_TRIGGER, "default", name).orElseThrow();
    }

    String lastFired(String name) {
        return FiringLedger.lastFired(stored(name)).map(Instant::toString).orElse(null);
    }

    void at(String timeOfDay) {
        clock.set(time(timeOfDay));
    }

    static Instant time(String timeOfDay) {
        return Instant.parse("2026-11-23T" + timeOfDay + "Z");
    }

    void awaitCalls(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> called.size() >= count);
        assertThat(called).hasSize(count);
    }

    List<Instant> scheduledTimes() {
        return called.stream().map(Firing::scheduled).toList();
    }

    List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
