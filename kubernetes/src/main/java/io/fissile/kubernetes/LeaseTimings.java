package io.fissile.kubernetes;

import java.time.Duration;

/**
 * How a {@link LeaderOnly} campaigns for its Lease.
 *
 * @param leaseDuration how long others wait after the leader's last renewal before taking over
 * @param renewDeadline how long the leader keeps trying to renew before it stops leading; shorter
 *                      than the lease, so that it stops before another replica may start
 * @param retryPeriod   how often to try to acquire or renew
 */
public record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    public LeaseTimings {
        if (renewDeadline.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("renewDeadline (" + renewDeadline + ") must be shorter than leaseDuration (" + leaseDuration + ")");
        }
        if (retryPeriod.compareTo(renewDeadline) >= 0) {
            throw new IllegalArgumentException("retryPeriod (" + retryPeriod + ") must be shorter than renewDeadline (" + renewDeadline + ")");
        }
    }

    /** Kubernetes' own controllers' values: 15 s lease, 10 s renew deadline, 2 s retry. */
    public static LeaseTimings defaults() {
        return new LeaseTimings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }
}
