package io.fissile.executor.instances;

import io.fissile.executor.Lease;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/** A request waiting for room on a function's instances. Guarded by its group's lock, except its future. */
public final class Waiter {

    private final CompletableFuture<Lease> future;
    private boolean cold;
    private boolean overdue;
    private ScheduledFuture<?> timeout;

    Waiter(CompletableFuture<Lease> future) {
        this.future = future;
    }

    /** What the request's caller holds: completing it hands over the lease or the failure. */
    public CompletableFuture<Lease> future() {
        return future;
    }

    boolean isDone() {
        return future.isDone();
    }

    /** A specialization is under way while it waits: the lease it gets counts as a cold start. */
    void markCold() {
        cold = true;
    }

    boolean cold() {
        return cold;
    }

    /** Its wait for room has run out; it is refused as soon as no specialization may still serve it. */
    void markOverdue() {
        overdue = true;
    }

    boolean overdue() {
        return overdue;
    }

    void timeout(ScheduledFuture<?> task) {
        timeout = task;
    }

    /** Stops its wait timer: it has been served, refused or moved to another group. */
    void settle() {
        if (timeout != null) timeout.cancel(false);
    }
}
