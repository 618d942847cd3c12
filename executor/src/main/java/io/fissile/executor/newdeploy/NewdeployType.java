package io.fissile.executor.newdeploy;

import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.executor.core.ExecutorParts;
import io.fissile.executor.core.ExecutorType;
import io.fissile.executor.instances.InstanceSource;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The newdeploy executor type: dedicated instances per function, between its MinScale and MaxScale,
 * started and specialized for it alone, scaled by its concurrency, and down to zero when MinScale is 0.
 * The container type is the same with instances that come another way ({@link #startDedicated}).
 */
public final class NewdeployType implements ExecutorType {

    private final String name;
    private final DedicatedSource source;
    private final ScheduledFuture<?> scaling;

    private NewdeployType(String name, ExecutorParts parts, DedicatedInstances instances) {
        this.name = name;
        this.source = new DedicatedSource(instances, parts.options().requestWait());
        ScalingLoop loop = new ScalingLoop(name, parts.table(), source, parts.functions(), parts.options().autoscaling());
        long tick = parts.options().autoscaling().tick().toNanos();
        this.scaling = parts.timer().scheduleWithFixedDelay(loop, tick, tick, TimeUnit.NANOSECONDS);
    }

    /** Starts scaling: from its first tick, functions with a MinScale get their instances. */
    public static NewdeployType start(ExecutorParts parts) {
        return new NewdeployType(ExecutionStrategy.NEWDEPLOY, parts, new SpecializedInstances(parts.runtime(), parts.specializer()));
    }

    /** Newdeploy's scaling for the functions of executor type {@code name}, whose instances {@code instances} provides. */
    public static NewdeployType startDedicated(String name, ExecutorParts parts, DedicatedInstances instances) {
        return new NewdeployType(name, parts, instances);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public InstanceSource source() {
        return source;
    }

    /** Its instances are the function table's, which the core stops. */
    @Override
    public CompletableFuture<Void> close() {
        scaling.cancel(false);
        return CompletableFuture.completedFuture(null);
    }
}
