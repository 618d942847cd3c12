package io.fissile.executor.instances;

import java.time.Duration;

/** Doubling delays between attempts that keep failing, from {@code first} up to {@code max}. Not thread-safe. */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    /** The delay before the next attempt; each call doubles the one after. */
    public Duration next() {
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return delay;
    }

    public void reset() {
        next = first;
    }
}
