package io.fissile.executor;

import java.time.Duration;

/**
 * How the newdeploy autoscaler follows a function's load, in the spirit of Knative's KPA. Each tick
 * it samples the function's concurrency (requests in flight plus requests waiting) and decides how
 * many instances it needs: {@code ceil(average concurrency / (requestsPerPod x targetUtilization))},
 * within MinScale and MaxScale.
 *
 * @param tick              how often it samples and decides (default 1 s)
 * @param stableWindow      the window whose average decides normal scaling, and every scale-down (default 60 s)
 * @param panicWindow       the short window that catches bursts (default 6 s)
 * @param panicThreshold    a burst is when the panic window needs at least this many times the current
 *                          instances; until a stable window passes without one, the function never
 *                          scales down (default 2)
 * @param targetUtilization the share of {@code requestsPerPod} each instance is aimed at (default 1: an
 *                          instance is full at requestsPerPod, and requests beyond it wait, so aiming
 *                          lower only starts instances sooner)
 */
public record AutoscalingOptions(Duration tick, Duration stableWindow, Duration panicWindow, double panicThreshold,
                                 double targetUtilization) {

    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    public static final Duration DEFAULT_STABLE_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_PANIC_WINDOW = Duration.ofSeconds(6);
    public static final double DEFAULT_PANIC_THRESHOLD = 2.0;
    public static final double DEFAULT_TARGET_UTILIZATION = 1.0;

    public AutoscalingOptions {
        if (tick == null || tick.isZero() || tick.isNegative()) tick = DEFAULT_TICK;
        if (stableWindow == null || stableWindow.compareTo(tick) < 0) stableWindow = DEFAULT_STABLE_WINDOW;
        if (panicWindow == null || panicWindow.compareTo(tick) < 0) panicWindow = DEFAULT_PANIC_WINDOW;
        if (panicWindow.compareTo(stableWindow) > 0) panicWindow = stableWindow;
        if (!(panicThreshold >= 1)) panicThreshold = DEFAULT_PANIC_THRESHOLD;
        if (!(targetUtilization > 0 && targetUtilization <= 1)) targetUtilization = DEFAULT_TARGET_UTILIZATION;
    }

    public static AutoscalingOptions defaults() {
        return new AutoscalingOptions(null, null, null, DEFAULT_PANIC_THRESHOLD, DEFAULT_TARGET_UTILIZATION);
    }

    public AutoscalingOptions withTick(Duration value) {
        return new AutoscalingOptions(value, stableWindow, panicWindow, panicThreshold, targetUtilization);
    }

    public AutoscalingOptions withStableWindow(Duration value) {
        return new AutoscalingOptions(tick, value, panicWindow, panicThreshold, targetUtilization);
    }

    public AutoscalingOptions withPanicWindow(Duration value) {
        return new AutoscalingOptions(tick, stableWindow, value, panicThreshold, targetUtilization);
    }

    public AutoscalingOptions withPanicThreshold(double value) {
        return new AutoscalingOptions(tick, stableWindow, panicWindow, value, targetUtilization);
    }

    public AutoscalingOptions withTargetUtilization(double value) {
        return new AutoscalingOptions(tick, stableWindow, panicWindow, panicThreshold, value);
    }
}
