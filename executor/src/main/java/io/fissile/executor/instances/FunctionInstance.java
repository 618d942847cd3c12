package io.fissile.executor.instances;

import io.fissile.runtime.Instance;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** One instance specialized for a function version: its requests in flight, its idleness, its end. */
final class FunctionInstance {

    private final Instance instance;
    private final Occupancy occupancy;
    private final Duration stopGrace;
    /** Leases whose holders asked to hear of the instance's end. */
    private final Set<InstanceLease> endListeners = ConcurrentHashMap.newKeySet();
    private volatile long lastActiveNanos = System.nanoTime();
    private volatile String endDescription;

    FunctionInstance(ProvidedInstance provided, FunctionLimits limits) {
        this.instance = provided.instance();
        this.stopGrace = provided.stopGrace();
        this.occupancy = new Occupancy(limits.requestsPerInstance(), limits.onceOnly());
    }

    Instance instance() {
        return instance;
    }

    Occupancy occupancy() {
        return occupancy;
    }

    boolean tryTake() {
        return occupancy.tryTake();
    }

    /** A request ended; true when the instance takes no more and has none left (stop it). */
    boolean give() {
        lastActiveNanos = System.nanoTime();
        return occupancy.give();
    }

    long idleNanos(long now) {
        return now - lastActiveNanos;
    }

    CompletableFuture<Void> stop(boolean graceful) {
        return instance.stop(graceful ? stopGrace : Duration.ZERO);
    }

    /** Completes the lease's end notice when the instance ends (at once if it has) until the lease is forgotten. */
    void listen(InstanceLease lease) {
        endListeners.add(lease);
        String ended = endDescription;
        if (ended != null) lease.endNoticeFuture().complete(ended);
    }

    void forget(InstanceLease lease) {
        endListeners.remove(lease);
    }

    /** The process ended: tells every lease holder that asked, and later askers at once. */
    void ended(Integer status) {
        String description = ExitDescriptions.of(instance, status);
        endDescription = description;
        for (InstanceLease lease : endListeners) lease.endNoticeFuture().complete(description);
        endListeners.clear();
    }

    String endDescription() {
        return endDescription;
    }

    @Override
    public String toString() {
        return instance.id();
    }
}
