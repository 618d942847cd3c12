package io.fissile.triggers.timer;

import io.fissile.triggers.TimerStats;

import java.util.concurrent.atomic.LongAdder;

/** The counts behind {@link TimerStats}, updated from any thread. */
final class TimerCounters implements TimerStats {
    private final LongAdder firings = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder skipped = new LongAdder();

    void fired(boolean succeeded) {
        firings.increment();
        if (!succeeded) failures.increment();
    }

    void skipped(long count) {
        skipped.add(count);
    }

    @Override
    public long firings() {
        return firings.sum();
    }

    @Override
    public long failures() {
        return failures.sum();
    }

    @Override
    public long skipped() {
        return skipped.sum();
    }
}
