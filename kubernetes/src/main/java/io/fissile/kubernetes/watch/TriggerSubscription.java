package io.fissile.kubernetes.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * One watch trigger's link to its shared informer: picks the events its label selector selects
 * and hands them, in order, to its function on a thread of its own, so that a slow function
 * delays neither the informer nor other triggers.
 * <p>
 * Label changes count as a server-side label-selected watch reports them: an object that starts
 * to match is ADDED, one that stops matching is DELETED.
 */
final class TriggerSubscription implements ResourceEventHandler<HasMetadata>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TriggerSubscription.class);

    private final WatchTarget target;
    private final EventPoster poster;
    private final ExecutorService delivery;
    private volatile boolean closed;

    TriggerSubscription(WatchTarget target, EventPoster poster) {
        this.target = target;
        this.poster = poster;
        this.delivery = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("kubewatch-" + target.triggerNamespace() + "-" + target.triggerName()).factory());
    }

    WatchTarget target() {
        return target;
    }

    @Override
    public void onAdd(HasMetadata object) {
        if (target.selects(object.getMetadata().getLabels())) send("ADDED", object);
    }

    @Override
    public void onUpdate(HasMetadata before, HasMetadata now) {
        // The same version again is a resync, not a change.
        if (Objects.equals(before.getMetadata().getResourceVersion(), now.getMetadata().getResourceVersion())) return;
        boolean wasSelected = target.selects(before.getMetadata().getLabels());
        boolean isSelected = target.selects(now.getMetadata().getLabels());
        if (wasSelected && isSelected) send("MODIFIED", now);
        else if (isSelected) send("ADDED", now);
        else if (wasSelected) send("DELETED", now);
    }

    @Override
    public void onDelete(HasMetadata last, boolean finalStateUnknown) {
        if (target.selects(last.getMetadata().getLabels())) send("DELETED", last);
    }

    private void send(String eventType, HasMetadata object) {
        if (closed) return;
        try {
            delivery.execute(() -> {
                if (closed) return;
                try {
                    poster.post(target, eventType, object);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    log.error("watch {}: cannot deliver {} of {}", target.describe(), eventType, object.getMetadata().getName(), e);
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // the trigger went away while this event arrived: dropping it is what the user asked for
        }
    }

    /** Stops delivering: events not yet sent are dropped, a call under way is interrupted. */
    @Override
    public void close() {
        closed = true;
        delivery.shutdownNow();
    }
}
