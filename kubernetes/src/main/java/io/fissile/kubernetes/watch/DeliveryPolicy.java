package io.fissile.kubernetes.watch;

import java.time.Duration;

/**
 * How hard to try to hand an event to a function.
 *
 * @param attempts        calls made when the router cannot be reached, at least 1
 * @param firstRetryPause pause before the first retry; each next pause doubles
 * @param callTimeout     how long one call may take before it counts as failed
 */
public record DeliveryPolicy(int attempts, Duration firstRetryPause, Duration callTimeout) {
    public DeliveryPolicy {
        if (attempts < 1) throw new IllegalArgumentException("attempts: must be at least 1, was " + attempts);
    }

    /** Like Fission's kubewatcher: up to 10 attempts, starting from a 1 s pause; a call may take 60 s. */
    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(60));
    }
}
