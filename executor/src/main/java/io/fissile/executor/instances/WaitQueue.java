package io.fissile.executor.instances;

import io.fissile.executor.Lease;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A group's waiting requests, first come first served. Used under the group's lock, except
 * {@link #waiting()}, which the data path reads to leave room to those who came first. Futures are
 * never completed here: each change returns what to complete once the lock is released.
 */
final class WaitQueue {

    /** Finds room for the next waiter, or null. */
    @FunctionalInterface
    interface Room {
        InstanceLease take(boolean coldStart);
    }

    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private volatile int waiting;

    int waiting() {
        return waiting;
    }

    boolean isEmpty() {
        return waiters.isEmpty();
    }

    void add(Waiter waiter) {
        waiters.addLast(waiter);
        waiting = waiters.size();
    }

    /** Every waiter from now on gets a lease that counts as a cold start. */
    void markAllCold() {
        for (Waiter waiter : waiters) waiter.markCold();
    }

    boolean contains(Waiter waiter) {
        return waiters.contains(waiter);
    }

    void remove(Waiter waiter) {
        waiters.remove(waiter);
        waiting = waiters.size();
    }

    /** Hands room to waiters in order while there is some. */
    void serve(Room room, List<Runnable> completions) {
        for (Waiter waiter; (waiter = waiters.peekFirst()) != null; ) {
            if (waiter.isDone()) {
                waiters.pollFirst().settle();
                continue;
            }
            InstanceLease lease = room.take(waiter.cold());
            if (lease == null) break;
            waiters.pollFirst();
            Waiter served = waiter;
            completions.add(() -> handOver(served, lease));
        }
        waiting = waiters.size();
    }

    /** Refuses waiters whose wait has run out, unless {@code stillHope} says an instance is on its way. */
    void refuseOverdue(BooleanSupplier stillHope, Supplier<RuntimeException> refusal, List<Runnable> completions) {
        if (stillHope.getAsBoolean()) return;
        waiters.removeIf(waiter -> {
            if (waiter.isDone()) return true;
            if (!waiter.overdue()) return false;
            completions.add(() -> fail(waiter, refusal.get()));
            return true;
        });
        waiting = waiters.size();
    }

    void failAll(RuntimeException error, List<Runnable> completions) {
        for (Waiter waiter; (waiter = waiters.pollFirst()) != null; ) {
            Waiter failed = waiter;
            completions.add(() -> fail(failed, error));
        }
        waiting = 0;
    }

    /** Takes every waiter out, to be served elsewhere. */
    List<Waiter> drain() {
        List<Waiter> moved = new ArrayList<>();
        for (Waiter waiter; (waiter = waiters.pollFirst()) != null; ) {
            waiter.settle();
            if (!waiter.isDone()) moved.add(waiter);
        }
        waiting = 0;
        return moved;
    }

    static void fail(Waiter waiter, RuntimeException error) {
        waiter.settle();
        waiter.future().completeExceptionally(error);
    }

    private static void handOver(Waiter waiter, InstanceLease lease) {
        waiter.settle();
        if (!waiter.future().complete((Lease) lease)) lease.abandon();
    }
}
