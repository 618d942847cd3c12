package io.fissile.server.internal;

import io.fissile.triggers.TimerStats;
import io.fissile.triggers.TimerTriggers;

import java.util.function.Supplier;

/**
 * Timers that run only while this replica leads (Kubernetes mode), started and stopped as
 * leadership comes and goes, with counts that add up over every time it led: {@code /metrics}
 * binds this once and keeps counting across leaderships.
 */
public final class TimersWhileLeading implements TimerStats {
    private final Supplier<TimerTriggers> starter;
    private volatile TimerTriggers running;
    private long firingsBefore;
    private long failuresBefore;
    private long skippedBefore;

    public TimersWhileLeading(Supplier<TimerTriggers> starter) {
        this.starter = starter;
    }

    /** Starts the timers; closing what it returns stops them and keeps their counts. Give it to {@code LeaderOnly}. */
    public AutoCloseable start() {
        TimerTriggers timers = starter.get();
        running = timers;
        return () -> {
            timers.close();
            synchronized (this) {
                firingsBefore += timers.stats().firings();
                failuresBefore += timers.stats().failures();
                skippedBefore += timers.stats().skipped();
                running = null;
            }
        };
    }

    @Override
    public synchronized long firings() {
        TimerTriggers timers = running;
        return firingsBefore + (timers == null ? 0 : timers.stats().firings());
    }

    @Override
    public synchronized long failures() {
        TimerTriggers timers = running;
        return failuresBefore + (timers == null ? 0 : timers.stats().failures());
    }

    @Override
    public synchronized long skipped() {
        TimerTriggers timers = running;
        return skippedBefore + (timers == null ? 0 : timers.stats().skipped());
    }
}
