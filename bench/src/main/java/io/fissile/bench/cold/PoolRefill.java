package io.fissile.bench.cold;

import io.fissile.bench.platform.InstanceDirectories;

import java.time.Duration;

/**
 * Waits until a runtime has as many instances accepting connections as expected: the environment's
 * pool plus the instances already specialized. The executor probes a starting instance at most
 * 50 ms apart and counts it warm once it accepts connections, so a short grace follows.
 */
final class PoolRefill {
    static final Duration EXECUTOR_NOTICES = Duration.ofMillis(60);
    private static final long POLL_MILLIS = 20;

    private final InstanceDirectories instances;
    private final Duration patience;

    PoolRefill(InstanceDirectories instances, Duration patience) {
        this.instances = instances;
        this.patience = patience;
    }

    /** @return false when the count was not reached in time */
    boolean await(String runtime, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (instances.listening(runtime) < expected) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(POLL_MILLIS);
        }
        Thread.sleep(EXECUTOR_NOTICES.toMillis());
        return true;
    }

    /** @return false when instances of the runtime were still there after the patience */
    boolean awaitNone(String runtime) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!instances.ids(runtime).isEmpty()) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(POLL_MILLIS * 10);
        }
        return true;
    }
}
