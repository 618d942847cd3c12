package io.fissile.executor.core;

import io.fissile.executor.ExecutorStats;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.executor.instances.InstanceGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@link ExecutorStats} read from the live groups and pools at each call. */
final class LiveStats implements ExecutorStats {

    private final FunctionTable table;
    private final Supplier<List<PoolCounts>> pools;

    LiveStats(FunctionTable table, Supplier<List<PoolCounts>> pools) {
        this.table = table;
        this.pools = pools;
    }

    @Override
    public List<FunctionCounts> functions() {
        // A function's current version and its retired ones still finishing requests count together,
        // under the current version's executor type (the groups come current first).
        Map<String, FunctionCounts> byFunction = new LinkedHashMap<>();
        for (InstanceGroup group : table.groups()) {
            FunctionCounts counts = new FunctionCounts(group.namespace(), group.name(), group.environmentNamespace(),
                    group.environmentName(), group.instanceCount(), group.requestsInFlight(), group.requestsWaiting(),
                    group.executorType());
            byFunction.merge(group.namespace() + "/" + group.name(), counts, LiveStats::sum);
        }
        List<FunctionCounts> all = new ArrayList<>(byFunction.values());
        all.sort(Comparator.comparing(FunctionCounts::namespace).thenComparing(FunctionCounts::name));
        return all;
    }

    @Override
    public List<PoolCounts> pools() {
        List<PoolCounts> all = new ArrayList<>(pools.get());
        all.sort(Comparator.comparing(PoolCounts::namespace).thenComparing(PoolCounts::name));
        return all;
    }

    @Override
    public long coldStarts() {
        return table.coldStarts();
    }

    @Override
    public long coldStartErrors() {
        return table.coldStartErrors();
    }

    private static FunctionCounts sum(FunctionCounts a, FunctionCounts b) {
        return new FunctionCounts(a.namespace(), a.name(), a.environmentNamespace(), a.environmentName(),
                a.instances() + b.instances(), a.requestsInFlight() + b.requestsInFlight(),
                a.requestsWaiting() + b.requestsWaiting(), a.executorType());
    }
}
