package io.fissile.kubernetes.leader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts and stops one component as leadership comes and goes. Switches happen one at a time, in
 * the order asked, on a thread of their own, so a slow start never holds up the lease renewals.
 * Starting twice or stopping twice does nothing.
 */
final class ComponentSwitch {
    private static final Logger log = LoggerFactory.getLogger(ComponentSwitch.class);

    private final String name;
    private final Supplier<AutoCloseable> factory;
    private final ExecutorService switching;
    private AutoCloseable running; // touched on the switching thread only

    ComponentSwitch(String name, Supplier<AutoCloseable> factory) {
        this.name = name;
        this.factory = factory;
        this.switching = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("leader-" + name).factory());
    }

    void turnOn() {
        whileOpen(() -> {
            if (running != null) return;
            try {
                running = factory.get();
                log.info("{}: leading; component started", name);
            } catch (RuntimeException e) {
                log.error("{}: leading, but the component failed to start", name, e);
            }
        });
    }

    void turnOff() {
        whileOpen(this::stopNow);
    }

    private void whileOpen(Runnable change) {
        try {
            switching.execute(change);
        } catch (RejectedExecutionException shutDown) {
            // after shutDown the component is stopped for good; later switches mean nothing
        }
    }

    /** Stops the component if it runs and waits until it has, then accepts no more switches. */
    void shutDown() {
        switching.execute(this::stopNow);
        switching.shutdown();
        try {
            if (!switching.awaitTermination(30, TimeUnit.SECONDS)) log.warn("{}: component still stopping after 30 s", name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopNow() {
        if (running == null) return;
        try {
            running.close();
            log.info("{}: component stopped", name);
        } catch (Exception e) {
            log.warn("{}: component failed to stop cleanly", name, e);
        } finally {
            running = null;
        }
    }
}
