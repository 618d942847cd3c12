package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** Where a canary stands: pending, succeeded, failed or aborted. */
public final class CanaryConfigStatus extends Extensible {
    private String status;

    public String status() { return status; }
    public CanaryConfigStatus status(String status) { this.status = status; return this; }

    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String ABORTED = "aborted";
}
