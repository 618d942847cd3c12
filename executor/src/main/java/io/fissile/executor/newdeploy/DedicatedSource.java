package io.fissile.executor.newdeploy;

import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.executor.instances.Deadline;
import io.fissile.executor.instances.FunctionLimits;
import io.fissile.executor.instances.InstanceSource;
import io.fissile.executor.instances.ProvidedInstance;

import java.time.Duration;

/**
 * Instances dedicated to one function, no warm pool: newdeploy's (started from the function's
 * environment and specialized at once) or container's (the function's own program). Between
 * MinScale and MaxScale of them, all of which may start at the same time.
 */
final class DedicatedSource implements InstanceSource {

    private final DedicatedInstances instances;
    private final Duration shortestWait;

    /** @param shortestWait the executor's {@code requestWait}: no function's requests wait less */
    DedicatedSource(DedicatedInstances instances, Duration shortestWait) {
        this.instances = instances;
        this.shortestWait = shortestWait;
    }

    @Override
    public ProvidedInstance provide(Function function, Deadline deadline) throws InterruptedException {
        return instances.provide(function, deadline);
    }

    /**
     * MinScale instances are kept (never reaped as idle); a request that finds every instance busy
     * waits up to the function's timeout for one, since scaling up (from zero above all) takes a
     * start, which a request must not be refused for.
     */
    @Override
    public FunctionLimits limits(Function function) {
        FunctionSpec spec = function.spec();
        int min = minScale(spec.executionStrategy());
        int max = maxScale(spec.executionStrategy(), min);
        Duration functionTimeout = Duration.ofSeconds(spec.effectiveFunctionTimeout());
        Duration wait = functionTimeout.compareTo(shortestWait) > 0 ? functionTimeout : shortestWait;
        return new FunctionLimits(max, min, max, spec.effectiveRequestsPerPod(), Boolean.TRUE.equals(spec.onceOnly()),
                FunctionLimits.idleTimeoutOf(spec), min, FunctionLimits.specializationTimeoutOf(spec), wait, "MaxScale");
    }

    /** MinScale, 0 when absent. */
    private static int minScale(ExecutionStrategy strategy) {
        return strategy.minScale() == null ? 0 : Math.max(0, strategy.minScale());
    }

    /** MaxScale, never below MinScale nor 1; MinScale (at least 1) when absent. */
    private static int maxScale(ExecutionStrategy strategy, int min) {
        int max = strategy.maxScale() == null ? min : strategy.maxScale();
        return Math.max(1, Math.max(min, max));
    }
}
