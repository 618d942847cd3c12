package io.fissile.triggers.timer;

import io.fissile.api.Codec;
import io.fissile.api.Cron;
import io.fissile.api.v1.TimeTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The scheduling decisions: which trigger fires at which scheduled time, and which times are
 * skipped. {@link #tick()} fires what is due and says when to look again; it never waits for a
 * call: each firing is recorded in the ledger (in order, per trigger) and then called on a thread of
 * its own, so neither a slow function nor a slow store delays any other firing.
 * <p>
 * A trigger seen for the first time with a recorded last firing (after a restart, or when another
 * replica ran the timers) does not replay the times it missed, as Fission does not: it logs how many
 * were skipped and goes on with the next one to come.
 */
final class TimerEngine {
    private static final Logger log = LoggerFactory.getLogger(TimerEngine.class);
    /**
     * A time that came due this recently when a trigger is first seen (timers starting up) is
     * fired, late, as a running scheduler fires a time it wakes up late for; older ones were missed.
     */
    static final Duration START_GRACE = Duration.ofSeconds(1);

    private final Clock clock;
    private final FiringLedger ledger;
    private final Consumer<Firing> caller;
    private final TimerCounters counters;
    private final Executor calls;
    private final Map<String, ScheduledTimer> timers = new HashMap<>();
    private volatile boolean closed;

    TimerEngine(Clock clock, FiringLedger ledger, Consumer<Firing> caller, TimerCounters counters, Executor calls) {
        this.clock = clock;
        this.ledger = ledger;
        this.caller = caller;
        this.counters = counters;
        this.calls = calls;
    }

    /** A trigger to schedule: new, or existing when the timers start. */
    synchronized void add(TimeTrigger trigger) {
        ScheduledTimer timer = scheduled(trigger);
        if (timer == null) return;
        Instant now = clock.instant();
        Instant last = FiringLedger.lastFired(trigger).orElse(null);
        if (last == null) {
            timer.next = Walk.next(timer.cron, now);
        } else {
            Walk missed = Walk.from(timer.cron, Walk.next(timer.cron, last), now.minus(START_GRACE));
            if (missed.passed() > 0) {
                counters.skipped(missed.passed());
                log.info("{}: skipped {} firing{} scheduled while the server was down ({})", timer.describe(),
                        missed.passedText(), missed.passed() == 1 ? "" : "s",
                        missed.capped() ? "since " + last : "last at " + missed.latest());
            }
            timer.next = missed.following();
        }
        put(timer);
    }

    /** A changed trigger: a new schedule starts from now; a new target keeps the schedule's next time. */
    synchronized void update(TimeTrigger before, TimeTrigger now) {
        ScheduledTimer current = timers.get(key(now));
        if (current == null || !current.uid.equals(now.metadata().uid())) {
            remove(before);
            add(now);
            return;
        }
        if (Codec.sameContent(before.spec(), now.spec())) return;   // a status write, such as the ledger's own
        ScheduledTimer timer = scheduled(now);
        if (timer == null) {
            timers.remove(key(now));
            return;
        }
        timer.lastRecord = current.lastRecord;
        timer.next = timer.schedule.equals(current.schedule) ? current.next : Walk.next(timer.cron, clock.instant());
        put(timer);
    }

    synchronized void remove(TimeTrigger trigger) {
        ScheduledTimer removed = timers.remove(key(trigger));
        if (removed != null) log.info("{}: stopped", removed.describe());
    }

    /** Fires every trigger that is due; returns when the next one is, or null if none ever is. */
    synchronized Instant tick() {
        Instant now = clock.instant();
        Instant earliest = null;
        for (ScheduledTimer timer : timers.values()) {
            if (timer.next != null && !timer.next.isAfter(now)) {
                Walk due = Walk.from(timer.cron, timer.next, now);
                // Late by more than one interval (a stalled machine, a clock set forward): fire only the
                // latest time, as Fission would; too many to count means the clock jumped, so fire none.
                long skipped = due.capped() ? due.passed() : due.passed() - 1;
                if (skipped > 0) {
                    counters.skipped(skipped);
                    log.warn("{}: running late; skipped {} earlier firing{} (from {})", timer.describe(),
                            due.capped() ? due.passedText() : skipped, skipped == 1 ? "" : "s", timer.next);
                }
                if (!due.capped()) fire(timer, due.latest());
                timer.next = due.following();
            }
            if (timer.next != null && (earliest == null || timer.next.isBefore(earliest))) earliest = timer.next;
        }
        return earliest;
    }

    /** Stops firing; calls already made finish, firings not yet recorded are dropped. */
    synchronized void close() {
        closed = true;
        timers.clear();
    }

    private void fire(ScheduledTimer timer, Instant scheduled) {
        Firing firing = new Firing(timer.namespace, timer.name, timer.uid, timer.target, scheduled);
        CompletableFuture<Boolean> recorded = timer.lastRecord.handleAsync((previous, error) -> record(firing), calls);
        timer.lastRecord = recorded;
        recorded.thenAcceptAsync(record -> {
            if (record && !closed) caller.accept(firing);
        }, calls);
    }

    private boolean record(Firing firing) {
        if (closed) return false;
        try {
            if (ledger.record(firing)) return true;
            log.info("{}: the firing scheduled at {} was made already, or the trigger is gone; not calling again",
                    firing.describe(), firing.scheduled());
        } catch (RuntimeException e) {
            log.warn("{}: cannot record the firing scheduled at {}, so not calling: {}", firing.describe(),
                    firing.scheduled(), e.toString());
        }
        return false;
    }

    /** The trigger as a timer, without a next time yet; null (and a warning) if it cannot be scheduled. */
    private ScheduledTimer scheduled(TimeTrigger trigger) {
        String describe = "timer " + trigger.namespace() + "/" + trigger.name();
        try {
            String schedule = Objects.requireNonNullElse(trigger.spec().cron(), "");
            Cron cron = Cron.parse(schedule);
            return new ScheduledTimer(trigger.namespace(), trigger.name(), trigger.metadata().uid(), schedule, cron,
                    TimerTarget.of(trigger.spec()));
        } catch (IllegalArgumentException e) {
            log.warn("{}: not scheduled: {}", describe, e.getMessage());
            return null;
        }
    }

    private void put(ScheduledTimer timer) {
        timers.put(key(timer.namespace, timer.name), timer);
        if (timer.next == null) log.info("{}: \"{}\" never fires again", timer.describe(), timer.schedule);
        else log.debug("{}: next firing at {}", timer.describe(), timer.next);
    }

    private static String key(TimeTrigger trigger) {
        return key(trigger.namespace(), trigger.name());
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
