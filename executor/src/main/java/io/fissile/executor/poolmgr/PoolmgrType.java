package io.fissile.executor.poolmgr;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.executor.ExecutorStats;
import io.fissile.executor.core.ExecutorParts;
import io.fissile.executor.core.ExecutorType;
import io.fissile.executor.instances.InstanceSource;
import io.fissile.store.Informer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The poolmgr executor type: warm pools per environment, and instances specialized from them on demand. */
public final class PoolmgrType implements ExecutorType {

    private final Informer<Environment> environments;
    private final WarmPools pools;
    private final PoolSource source;

    private PoolmgrType(ExecutorParts parts) {
        this.environments = parts.environments();
        this.pools = new WarmPools(parts.runtime(), parts.options().maxTerminationGrace());
        this.source = new PoolSource(parts.specializer(), pools, parts.options().requestWait());
    }

    /** Starts filling a pool for every environment the informer knows, and follows their changes. */
    public static PoolmgrType start(ExecutorParts parts) {
        PoolmgrType type = new PoolmgrType(parts);
        type.environments.addListener(type.pools);
        return type;
    }

    @Override
    public String name() {
        return ExecutionStrategy.POOLMGR;
    }

    @Override
    public InstanceSource source() {
        return source;
    }

    @Override
    public List<ExecutorStats.PoolCounts> pools() {
        return pools.counts();
    }

    @Override
    public CompletableFuture<Void> close() {
        environments.removeListener(pools);
        return pools.close();
    }
}
