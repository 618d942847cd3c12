package io.fissile.executor.instances;

import java.time.Duration;

/** A point in time by which work must be done, on the monotonic clock. */
public record Deadline(long nanos) {

    public static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    public boolean expired() {
        return nanos - System.nanoTime() <= 0;
    }
}
