package io.fissile.metrics.meters;

import java.time.Duration;

/** Histogram bucket bounds: fixed, so that every Fissile exposes the same series to aggregate. */
final class Buckets {

    /**
     * From a tenth of a millisecond (the router's own overhead on a warm call) to a minute (Fission's
     * default function timeout), about three per decade.
     */
    static final Duration[] LATENCY = {
            millis(0.1), millis(0.25), millis(0.5),
            millis(1), millis(2.5), millis(5),
            millis(10), millis(25), millis(50),
            millis(100), millis(250), millis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    /** From a short text answer to a large download, one per factor of four. */
    static final double[] RESPONSE_BYTES = {
            256, 1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10,
            1 << 20, 4 << 20, 16 << 20, 64 << 20, 256 << 20};

    private Buckets() {
    }

    private static Duration millis(double millis) {
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
}
