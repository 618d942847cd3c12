package io.fissile.triggers.mq;

import io.fissile.api.ResourceStatus;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.store.ConflictException;
import io.fissile.store.NotFoundException;
import io.fissile.store.ResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Writes a trigger's {@code status}: {@code state}, {@code message}, {@code observedGeneration} and
 * {@code lastTransitionTime}. Writes go through one thread of their own, in the order asked, so
 * that consumers never wait for the store and informer callbacks never write from the store's thread.
 */
final class TriggerStatusWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TriggerStatusWriter.class);

    private final ResourceStore store;
    private final ExecutorService writes = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mqtrigger-status").daemon().factory());

    TriggerStatusWriter(ResourceStore store) {
        this.store = store;
    }

    /** Records the state unless the trigger's stored status says the same already. */
    void write(String namespace, String name, long generation, TriggerState state, String message) {
        writes.execute(() -> {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    writeNow(namespace, name, generation, state, message);
                    return;
                } catch (ConflictException changed) {
                    // written by someone else between our read and our write: read again
                } catch (NotFoundException gone) {
                    return; // deleted meanwhile: nothing to report on
                } catch (RuntimeException e) {
                    log.warn("cannot write the status of message queue trigger {}/{}: {}", namespace, name, e.toString());
                    return;
                }
            }
        });
    }

    /** Reads the stored trigger and writes its status; a conflict (a write in between) throws. */
    private void writeNow(String namespace, String name, long generation, TriggerState state, String message) {
        MessageQueueTrigger stored = store.get(Kinds.MESSAGE_QUEUE_TRIGGER, namespace, name).orElse(null);
        if (stored == null || !Objects.equals(stored.metadata().generation(), generation)) return; // deleted or changed since
        ResourceStatus status = stored.status() == null ? new ResourceStatus() : stored.status();
        String text = message == null ? "" : message;
        if (state.text.equals(status.unknownField("state")) && text.equals(status.unknownField("message"))) return;
        status.unknownField("state", state.text);
        status.unknownField("message", text);
        status.unknownField("observedGeneration", generation);
        status.unknownField("lastTransitionTime", Instant.now().toString());
        stored.status(status);
        store.updateStatus(stored);
    }

    @Override
    public void close() {
        writes.shutdown();
        try {
            writes.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
