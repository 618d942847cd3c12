package io.fissile.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an executor behaves.
 *
 * @param workDir             a directory of the executor's own (under the server's data directory, on the
 *                            same file system as the runtime's instances so that packages can be hard-linked):
 *                            it holds the unpacked packages, and is emptied at start
 * @param requestWait         how long a request waits for room on a poolmgr function at its concurrency
 *                            limit before it is refused with {@link TooManyRequestsException} (default 5 s);
 *                            a newdeploy function's requests wait up to its {@code functionTimeout}, and
 *                            never less than this
 * @param idleCheckInterval   how often instances are checked for idleness (default 5 s)
 * @param maxTerminationGrace the longest an instance is given to stop after SIGTERM, whatever its
 *                            environment's {@code terminationGracePeriod} says (default 10 s; Fission's
 *                            default of 360 s would keep an idle instance's memory for six minutes)
 * @param autoscaling         how newdeploy functions follow their load (default {@link AutoscalingOptions#defaults()})
 */
public record ExecutorOptions(Path workDir, Duration requestWait, Duration idleCheckInterval,
                              Duration maxTerminationGrace, AutoscalingOptions autoscaling) {

    public static final Duration DEFAULT_REQUEST_WAIT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_IDLE_CHECK_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_TERMINATION_GRACE = Duration.ofSeconds(10);

    public ExecutorOptions {
        Objects.requireNonNull(workDir, "workDir");
        requestWait = orDefault(requestWait, DEFAULT_REQUEST_WAIT, true);
        idleCheckInterval = orDefault(idleCheckInterval, DEFAULT_IDLE_CHECK_INTERVAL, false);
        maxTerminationGrace = orDefault(maxTerminationGrace, DEFAULT_MAX_TERMINATION_GRACE, true);
        if (autoscaling == null) autoscaling = AutoscalingOptions.defaults();
    }

    /** The defaults, with the packages kept under {@code workDir}. */
    public static ExecutorOptions defaults(Path workDir) {
        return new ExecutorOptions(workDir, null, null, null, null);
    }

    public ExecutorOptions withRequestWait(Duration wait) {
        return new ExecutorOptions(workDir, wait, idleCheckInterval, maxTerminationGrace, autoscaling);
    }

    public ExecutorOptions withIdleCheckInterval(Duration interval) {
        return new ExecutorOptions(workDir, requestWait, interval, maxTerminationGrace, autoscaling);
    }

    public ExecutorOptions withMaxTerminationGrace(Duration grace) {
        return new ExecutorOptions(workDir, requestWait, idleCheckInterval, grace, autoscaling);
    }

    public ExecutorOptions withAutoscaling(AutoscalingOptions options) {
        return new ExecutorOptions(workDir, requestWait, idleCheckInterval, maxTerminationGrace, options);
    }

    private static Duration orDefault(Duration value, Duration fallback, boolean zeroAllowed) {
        if (value == null || value.isNegative() || (value.isZero() && !zeroAllowed)) return fallback;
        return value;
    }
}
