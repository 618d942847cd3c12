package io.fissile.executor.poolmgr;

import io.fissile.api.v1.Environment;
import io.fissile.executor.ExecutorStats;
import io.fissile.executor.specialize.Environments;
import io.fissile.executor.specialize.InstanceSpecs;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.store.InformerListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link WarmPool} per environment, following the environments as the informer reports them: a
 * pool for each new one, a fresh pool when one's spec changes (the old one's instances stop), none
 * once it is deleted.
 */
final class WarmPools implements InformerListener<Environment> {

    private record Key(String namespace, String name) {
        static Key of(Environment environment) {
            return new Key(environment.namespace(), environment.name());
        }
    }

    private final Map<Key, WarmPool> pools = new ConcurrentHashMap<>();
    private final InstanceRuntime runtime;
    private final Duration graceCap;
    private volatile boolean closed;

    WarmPools(InstanceRuntime runtime, Duration graceCap) {
        this.runtime = runtime;
        this.graceCap = graceCap;
    }

    @Override
    public void onAdd(Environment environment) {
        WarmPool existing = pools.get(Key.of(environment));
        if (existing == null || !Environments.sameSpec(existing.environment(), environment)) replace(environment);
    }

    @Override
    public void onUpdate(Environment before, Environment now) {
        WarmPool existing = pools.get(Key.of(now));
        if (existing != null && Environments.sameSpec(existing.environment(), now)) return;
        replace(now);
    }

    @Override
    public void onDelete(Environment last) {
        WarmPool pool = pools.remove(Key.of(last));
        if (pool != null) pool.close();
    }

    /** The environment's pool; made now if the informer's news of the environment has not arrived yet. */
    WarmPool poolFor(Environment environment) {
        if (closed) throw new IllegalStateException("the executor is closed");
        return pools.computeIfAbsent(Key.of(environment), key -> WarmPool.start(environment, runtime, stopGrace(environment)));
    }

    private Duration stopGrace(Environment environment) {
        return InstanceSpecs.stopGrace(environment, graceCap);
    }

    List<ExecutorStats.PoolCounts> counts() {
        List<ExecutorStats.PoolCounts> counts = new ArrayList<>();
        pools.forEach((key, pool) -> counts.add(new ExecutorStats.PoolCounts(key.namespace(), key.name(), pool.size(),
                pool.warm(), pool.lastError())));
        counts.sort(Comparator.comparing(ExecutorStats.PoolCounts::namespace).thenComparing(ExecutorStats.PoolCounts::name));
        return counts;
    }

    CompletableFuture<Void> close() {
        closed = true;
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (WarmPool pool : pools.values()) stopping.addAll(pool.close());
        pools.clear();
        return CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new));
    }

    private void replace(Environment environment) {
        if (closed) return;
        WarmPool old = pools.put(Key.of(environment), WarmPool.start(environment, runtime, stopGrace(environment)));
        if (old != null) old.close();
    }
}
