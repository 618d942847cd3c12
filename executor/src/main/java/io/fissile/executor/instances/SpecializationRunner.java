package io.fissile.executor.instances;

import io.fissile.executor.FunctionUnavailableException;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Runs one specialization on a virtual thread of its own, never on the caller's, and reports exactly
 * one outcome: its result, or a timeout when it takes too long (the thread is then interrupted, and an
 * instance it still produces is stopped, since nobody waits for it any more).
 */
final class SpecializationRunner {

    /**
     * The steps of a specialization watch the deadline themselves and fail with a message that says
     * which step ran out of time; the runner steps in only a little later, for a step that did not.
     */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ScheduledExecutorService timer;

    SpecializationRunner(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    void run(String name, Deadline deadline, Callable<ProvidedInstance> work,
             Supplier<FunctionUnavailableException> timeoutFailure, BiConsumer<ProvidedInstance, Throwable> outcome) {
        new Run(work, timeoutFailure, outcome).start(name, deadline);
    }

    private final class Run {
        private final AtomicBoolean settled = new AtomicBoolean();
        private final Callable<ProvidedInstance> work;
        private final Supplier<FunctionUnavailableException> timeoutFailure;
        private final BiConsumer<ProvidedInstance, Throwable> outcome;
        private volatile ScheduledFuture<?> timeout;

        Run(Callable<ProvidedInstance> work, Supplier<FunctionUnavailableException> timeoutFailure,
            BiConsumer<ProvidedInstance, Throwable> outcome) {
            this.work = work;
            this.timeoutFailure = timeoutFailure;
            this.outcome = outcome;
        }

        void start(String name, Deadline deadline) {
            Thread thread = Thread.ofVirtual().name("specialize-" + name).unstarted(this::work);
            timeout = timer.schedule(() -> timedOut(thread), deadline.remaining().toNanos() + GRACE_NANOS,
                    TimeUnit.NANOSECONDS);
            thread.start();
        }

        private void work() {
            ProvidedInstance provided = null;
            Throwable failure = null;
            try {
                provided = work.call();
            } catch (Throwable e) {
                failure = e;
            }
            if (settled.compareAndSet(false, true)) {
                timeout.cancel(false);
                outcome.accept(provided, failure);
            } else if (provided != null) {
                provided.instance().stop(Duration.ZERO);
            }
        }

        private void timedOut(Thread thread) {
            if (settled.compareAndSet(false, true)) {
                thread.interrupt();
                outcome.accept(null, timeoutFailure.get());
            }
        }
    }
}
