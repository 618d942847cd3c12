package io.fissile.kubernetes;

import java.time.Duration;

/**
 * How hard a watch trigger tries to hand an event to its function.
 *
 * @param attempts        calls made when the router cannot be reached, at least 1
 * @param firstRetryPause pause before the first retry; each next pause doubles
 * @param callTimeout     how long one call may take before it counts as failed
 */
public record WatchDeliveryPolicy(int attempts, Duration firstRetryPause, Duration callTimeout) {
    public WatchDeliveryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts: must be at least 1, was " + attempts);
    }

    /** Like Fission's kubewatcher: up to 10 attempts, starting from a 1 s pause; a call may take 60 s. */
    public static WatchDeliveryPolicy defaults() {
        return new WatchDeliveryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
