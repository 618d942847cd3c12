package io.fissile.executor.newdeploy;

import io.fissile.api.v1.Function;
import io.fissile.executor.AutoscalingOptions;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.instances.FunctionLimits;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.executor.instances.InstanceGroup;
import io.fissile.executor.specialize.Specializer;
import io.fissile.store.Informer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One tick of newdeploy's scaling, run on the executor's timer: functions with a MinScale get their
 * instances before any request (as Fission's newdeploy makes its Deployment when the function is
 * created), and each newdeploy function's current version is sampled and scaled as its
 * {@link ConcurrencyAutoscaler} decides. Scaling down drains instances but never the last one: with
 * MinScale 0, that one goes with the idle reaper, after the function's idle timeout.
 */
final class ScalingLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ScalingLoop.class);

    private final String typeName;
    private final FunctionTable table;
    private final DedicatedSource source;
    private final Informer<Function> functions;
    private final AutoscalingOptions options;
    /** One per function version, made on its first tick; used by the timer thread only. */
    private final Map<InstanceGroup, ConcurrencyAutoscaler> autoscalers = new IdentityHashMap<>();

    /** @param typeName the executor type whose functions it scales: newdeploy, or container */
    ScalingLoop(String typeName, FunctionTable table, DedicatedSource source, Informer<Function> functions, AutoscalingOptions options) {
        this.typeName = typeName;
        this.table = table;
        this.source = source;
        this.functions = functions;
        this.options = options;
    }

    @Override
    public void run() {
        try {
            keepMinimums();
            scale(System.nanoTime());
        } catch (RuntimeException e) {
            LOG.warn("Scaling newdeploy functions failed", e);
        }
    }

    /** A function of the type with a MinScale and no group for its version gets one; the scaling below starts its instances. */
    private void keepMinimums() {
        for (Function function : functions.list()) {
            if (!typeName.equals(function.spec().effectiveExecutorType())) continue;
            Integer minScale = function.spec().executionStrategy().minScale();
            if (minScale == null || minScale <= 0) continue;
            InstanceGroup current = table.current(function.namespace(), function.name());
            if (current != null && current.serves(function)) continue;
            table.groupFor(function, source);
            // Deleted meanwhile, and its deletion already handled: the group just made would keep
            // MinScale instances of a function nobody can call.
            if (functions.get(function.namespace(), function.name()).isEmpty()) {
                table.remove(function.namespace(), function.name(), new FunctionUnavailableException(
                        Specializer.describe(function) + " was deleted", false, null));
            }
        }
    }

    private void scale(long now) {
        Set<InstanceGroup> live = Collections.newSetFromMap(new IdentityHashMap<>());
        for (InstanceGroup group : table.currentGroups()) {
            if (!group.isFrom(source)) continue;
            live.add(group);
            ConcurrencyAutoscaler autoscaler = autoscalers.computeIfAbsent(group, this::autoscalerFor);
            autoscaler.record(now, group.concurrency());
            int current = group.scale();
            int desired = autoscaler.desiredScale(now, current);
            if (desired > current) {
                group.growTo(desired);
            } else if (desired < current) {
                group.shrinkTo(Math.max(1, desired));
            }
        }
        autoscalers.keySet().retainAll(live);
    }

    private ConcurrencyAutoscaler autoscalerFor(InstanceGroup group) {
        FunctionLimits limits = group.limits();
        return new ConcurrencyAutoscaler(options, limits.perInstance() * options.targetUtilization(),
                limits.minInstances(), limits.maxInstances());
    }
}
