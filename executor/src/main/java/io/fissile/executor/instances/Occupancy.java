package io.fissile.executor.instances;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests an instance serves and whether it takes more, in one atomic word: a lease can never
 * slip in after the instance was retired, and the moment its last request ends is seen exactly once.
 */
final class Occupancy {

    /** Takes no more requests, ever: an old version, idle, or being stopped. */
    private static final int RETIRED = 1 << 30;
    /** Takes none until a health check says it still works. */
    private static final int SUSPENDED = 1 << 29;
    /** A once-only instance that has had its request. */
    private static final int USED = 1 << 28;
    private static final int COUNT = USED - 1;
    private static final int GONE_WHEN_DRAINED = RETIRED | USED;

    private final AtomicInteger word = new AtomicInteger();
    private final int capacity;
    private final boolean onceOnly;

    Occupancy(int capacity, boolean onceOnly) {
        this.capacity = onceOnly ? 1 : capacity;
        this.onceOnly = onceOnly;
    }

    /** Takes room for one request, if there is room and the instance takes requests. */
    boolean tryTake() {
        for (;;) {
            int w = word.get();
            if ((w & ~COUNT) != 0 || (w & COUNT) >= capacity) return false;
            int next = onceOnly ? (w + 1) | USED : w + 1;
            if (word.compareAndSet(w, next)) return true;
        }
    }

    /** A request ended; true when it was the last of an instance that takes no more (it can go now). */
    boolean give() {
        int w = word.decrementAndGet();
        return (w & COUNT) == 0 && (w & GONE_WHEN_DRAINED) != 0;
    }

    /** Gives back room that no request used (its waiter had gone); true when the instance can go now. */
    boolean untake() {
        for (;;) {
            int w = word.get();
            int next = (w - 1) & ~USED;
            if (word.compareAndSet(w, next)) return (next & COUNT) == 0 && (next & RETIRED) != 0;
        }
    }

    /** Takes no more requests; true when none is in flight, so that the caller stops it now. */
    boolean retire() {
        int before = word.getAndUpdate(w -> w | RETIRED);
        return (before & COUNT) == 0 && (before & GONE_WHEN_DRAINED) == 0;
    }

    /** Retires the instance only if no request is in flight and it was taking requests. */
    boolean retireIfIdle() {
        return word.compareAndSet(0, RETIRED);
    }

    void suspend() {
        word.getAndUpdate(w -> w | SUSPENDED);
    }

    void resume() {
        word.getAndUpdate(w -> w & ~SUSPENDED);
    }

    int inFlight() {
        return word.get() & COUNT;
    }

    boolean retired() {
        return (word.get() & GONE_WHEN_DRAINED) != 0;
    }
}
