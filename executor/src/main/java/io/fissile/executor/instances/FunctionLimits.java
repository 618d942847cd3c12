package io.fissile.executor.instances;

import io.fissile.api.v1.FunctionSpec;

import java.time.Duration;

/**
 * What a function's spec says about its instances, read once per function version.
 *
 * @param concurrency           instances the function may have at once
 * @param requestsPerInstance   requests one instance serves at once
 * @param onceOnly              an instance serves one request, then goes
 * @param idleTimeout           how long an instance may sit without a request before it is stopped
 *                              (zero: at the next idle check after its last request, as Fission does)
 * @param retain                idle instances of the current version that are never reaped
 * @param specializationTimeout how long making an instance ready may take
 */
public record FunctionLimits(int concurrency, int requestsPerInstance, boolean onceOnly, Duration idleTimeout,
                             int retain, Duration specializationTimeout) {

    public static FunctionLimits of(FunctionSpec spec) {
        return new FunctionLimits(spec.effectiveConcurrency(), spec.effectiveRequestsPerPod(),
                Boolean.TRUE.equals(spec.onceOnly()),
                Duration.ofSeconds(Math.max(0, spec.effectiveIdleTimeout())),
                spec.retainPods() == null ? 0 : Math.max(0, spec.retainPods()),
                Duration.ofSeconds(spec.executionStrategy().effectiveSpecializationTimeout()));
    }

    /** The refusal a request gets when no room appeared in time. */
    String atLimitMessage(String function) {
        return "function \"" + function + "\" is at its concurrency limit (" + concurrency
                + (concurrency == 1 ? " instance" : " instances") + " x " + requestsPerInstance
                + (requestsPerInstance == 1 ? " request" : " requests") + " each); try again later";
    }
}
