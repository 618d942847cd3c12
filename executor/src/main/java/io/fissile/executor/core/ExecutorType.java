package io.fissile.executor.core;

import io.fissile.executor.ExecutorStats;
import io.fissile.executor.instances.InstanceSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One executor type (Fission's {@code ExecutorType}: poolmgr, newdeploy, ...) on the parts every type
 * shares: where its functions' instances come from, and whatever it runs beside them (warm pools,
 * an autoscaler). The function table, leases, package fetching, specialization, idle reaping and
 * the informer listeners for updates are the {@link ExecutorCore}'s, the same for all types.
 */
public interface ExecutorType {

    /** The {@code ExecutorType} value of the functions it runs. */
    String name();

    /** Where its functions' instances come from, and how many they may have. */
    InstanceSource source();

    /** Its warm pools, if it keeps any. */
    default List<ExecutorStats.PoolCounts> pools() {
        return List.of();
    }

    /**
     * Stops listening and stops what it runs beside the function table (whose instances the core
     * stops); completes once its own instances are gone.
     */
    CompletableFuture<Void> close();

    /** Starts a type on the shared parts; it adds its informer listeners before the core adds its own. */
    @FunctionalInterface
    interface Factory {
        ExecutorType start(ExecutorParts parts);
    }
}
