package io.fissile.executor.poolmgr;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.instances.Deadline;
import io.fissile.executor.instances.FunctionLimits;
import io.fissile.executor.instances.InstanceSource;
import io.fissile.executor.instances.ProvidedInstance;
import io.fissile.executor.specialize.Specializer;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceStartException;

import java.time.Duration;

/**
 * Poolmgr's instances: a warm generic instance of the function's environment (a freshly started one
 * when the pool is empty), specialized for the function; as many as its {@code concurrency}, one
 * specialization at a time.
 */
final class PoolSource implements InstanceSource {

    private final Specializer specializer;
    private final WarmPools pools;
    private final Duration requestWait;

    PoolSource(Specializer specializer, WarmPools pools, Duration requestWait) {
        this.specializer = specializer;
        this.pools = pools;
        this.requestWait = requestWait;
    }

    @Override
    public ProvidedInstance provide(Function function, Deadline deadline) throws InterruptedException {
        return specializer.specialize(function, deadline, this::take);
    }

    @Override
    public FunctionLimits limits(Function function) {
        return FunctionLimits.of(function.spec(), requestWait);
    }

    private Instance take(Function function, Environment environment, Deadline deadline) throws InterruptedException {
        try {
            return pools.poolFor(environment).takeOrStart(deadline.remaining());
        } catch (InstanceStartException e) {
            throw new FunctionUnavailableException(e.getMessage() + " (needed by " + Specializer.describe(function) + ")",
                    true, e);
        }
    }
}
