package io.fissile.executor.newdeploy;

import io.fissile.executor.AutoscalingOptions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Decides how many instances one function version needs from samples of its concurrency (requests in
 * flight plus requests waiting), the way Knative's KPA does. Pure: it is fed samples and times, and
 * starts or stops nothing.
 * <ul>
 *   <li><b>Stable mode.</b> The need is the stable window's average concurrency divided by the target
 *       per instance, rounded up; it scales up and down with it.</li>
 *   <li><b>Panic mode.</b> When the short panic window's average needs at least {@code panicThreshold}
 *       times the current instances, it follows the panic window instead, and never scales down until
 *       a whole stable window passes without another such burst.</li>
 * </ul>
 * The result always lies between the function's minimum and maximum. Not thread-safe: one caller feeds it.
 */
public final class ConcurrencyAutoscaler {

    /** Averages this close above a whole number are that number: 2.0000001 requests need 2 instances, not 3. */
    private static final double ROUNDING_SLACK = 1e-9;

    private record Sample(long nanos, double concurrency) {
    }

    private final long stableNanos;
    private final long panicNanos;
    private final double panicThreshold;
    private final double targetPerInstance;
    private final int min;
    private final int max;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private boolean panicking;
    private long lastBurstNanos;
    private int panicScale;

    /**
     * @param targetPerInstance the concurrency one instance is aimed at ({@code requestsPerPod} times
     *                          the target utilization)
     * @param min               the fewest instances it ever asks for (MinScale)
     * @param max               the most (MaxScale)
     */
    public ConcurrencyAutoscaler(AutoscalingOptions options, double targetPerInstance, int min, int max) {
        if (!(targetPerInstance > 0)) throw new IllegalArgumentException("target per instance must be positive: " + targetPerInstance);
        this.stableNanos = options.stableWindow().toNanos();
        this.panicNanos = options.panicWindow().toNanos();
        this.panicThreshold = options.panicThreshold();
        this.targetPerInstance = targetPerInstance;
        this.min = Math.max(0, min);
        this.max = Math.max(this.min, max);
    }

    /** The function's concurrency at {@code nanos} (on the monotonic clock, never earlier than the last sample). */
    public void record(long nanos, double concurrency) {
        samples.addLast(new Sample(nanos, Math.max(0, concurrency)));
        while (nanos - samples.peekFirst().nanos() >= stableNanos) samples.pollFirst();
    }

    /** The instances the function needs at {@code nanos}, given that it has {@code currentScale} now. */
    public int desiredScale(long nanos, int currentScale) {
        int stableNeed = need(average(nanos, stableNanos));
        int panicNeed = need(average(nanos, panicNanos));
        if (panicNeed > 0 && panicNeed >= panicThreshold * Math.max(1, currentScale)) {
            if (!panicking) panicScale = currentScale;
            panicking = true;
            lastBurstNanos = nanos;
        } else if (panicking && nanos - lastBurstNanos >= stableNanos) {
            panicking = false;
        }
        if (!panicking) return clamp(stableNeed);
        panicScale = Math.max(panicScale, Math.max(panicNeed, currentScale));
        return clamp(panicScale);
    }

    /** True while a burst holds it in panic mode. */
    public boolean panicking() {
        return panicking;
    }

    private double average(long now, long window) {
        double sum = 0;
        int count = 0;
        for (Iterator<Sample> it = samples.descendingIterator(); it.hasNext(); ) {
            Sample sample = it.next();
            if (now - sample.nanos() >= window) break;
            sum += sample.concurrency();
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    private int need(double concurrency) {
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(concurrency / targetPerInstance - ROUNDING_SLACK));
    }

    private int clamp(int scale) {
        return Math.min(max, Math.max(min, scale));
    }
}
