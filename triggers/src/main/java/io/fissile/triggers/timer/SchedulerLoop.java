package io.fissile.triggers.timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread that schedules: it ticks the engine, then sleeps until the next time is due or a
 * trigger changes. It never calls a function itself.
 */
final class SchedulerLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SchedulerLoop.class);
    /** Looks again at least this often, so that a change of the wall clock is noticed. */
    private static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);

    private final TimerEngine engine;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private boolean dirty;
    private volatile boolean stopped;

    SchedulerLoop(TimerEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.thread = Thread.ofPlatform().name("fissile-timers").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** Something changed: tick again now. */
    void wake() {
        lock.lock();
        try {
            dirty = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!stopped) {
            Instant next;
            try {
                next = engine.tick();
            } catch (RuntimeException e) {
                log.warn("timers: tick failed, trying again in a second: {}", e.toString(), e);
                next = clock.instant().plusSeconds(1);
            }
            lock.lock();
            try {
                if (!dirty && !stopped) {
                    Duration sleep = next == null ? LONGEST_SLEEP : Duration.between(clock.instant(), next);
                    if (sleep.compareTo(LONGEST_SLEEP) > 0) sleep = LONGEST_SLEEP;
                    if (!sleep.isNegative() && !sleep.isZero()) changed.awaitNanos(sleep.toNanos());
                }
                dirty = false;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
