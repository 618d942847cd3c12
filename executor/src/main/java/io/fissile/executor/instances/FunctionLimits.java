package io.fissile.executor.instances;

import io.fissile.api.v1.FunctionSpec;

import java.time.Duration;

/**
 * What a function's spec says about its instances, read once per function version by its executor
 * type ({@link InstanceSource#limits}).
 *
 * @param maxInstances          instances the function may have at once
 * @param minInstances          instances kept running even without requests
 * @param parallelStarts        instances that may be made ready at the same time
 * @param requestsPerInstance   requests one instance serves at once
 * @param onceOnly              an instance serves one request, then goes
 * @param idleTimeout           how long an instance may sit without a request before it is stopped
 *                              (zero: at the next idle check after its last request, as Fission does)
 * @param retain                idle instances of the current version that are never reaped
 * @param specializationTimeout how long making an instance ready may take
 * @param requestWait           how long a request that finds no room waits before it is refused (429),
 *                              unless an instance under way may still serve it
 * @param maxInstancesName      what the spec calls {@code maxInstances}, for the refusal at the limit
 */
public record FunctionLimits(int maxInstances, int minInstances, int parallelStarts, int requestsPerInstance,
                             boolean onceOnly, Duration idleTimeout, int retain, Duration specializationTimeout,
                             Duration requestWait, String maxInstancesName) {

    /**
     * Poolmgr's reading: up to {@code concurrency} instances, specialized one at a time on demand,
     * none kept without requests but the {@code retainPods} idle ones; a request at the limit waits
     * the executor's {@code requestWait}.
     */
    public static FunctionLimits of(FunctionSpec spec, Duration requestWait) {
        return new FunctionLimits(spec.effectiveConcurrency(), 0, 1, spec.effectiveRequestsPerPod(),
                Boolean.TRUE.equals(spec.onceOnly()), idleTimeoutOf(spec),
                spec.retainPods() == null ? 0 : Math.max(0, spec.retainPods()),
                specializationTimeoutOf(spec), requestWait, "concurrency limit");
    }

    public static Duration idleTimeoutOf(FunctionSpec spec) {
        return Duration.ofSeconds(Math.max(0, spec.effectiveIdleTimeout()));
    }

    public static Duration specializationTimeoutOf(FunctionSpec spec) {
        return Duration.ofSeconds(spec.executionStrategy().effectiveSpecializationTimeout());
    }

    /** The requests one instance takes at once: a once-only instance takes one. */
    public int perInstance() {
        return onceOnly ? 1 : requestsPerInstance;
    }

    /** The refusal a request gets when no room appeared in time. */
    String atLimitMessage(String function) {
        return "function \"" + function + "\" is at its " + maxInstancesName + " (" + maxInstances
                + (maxInstances == 1 ? " instance" : " instances") + " x " + requestsPerInstance
                + (requestsPerInstance == 1 ? " request" : " requests") + " each); try again later";
    }
}
