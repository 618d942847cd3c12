package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;
import io.fissile.store.ExpiredException;
import io.fissile.store.StoreException;
import io.fissile.store.Watch;
import io.fissile.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One store watch on top of a fabric8 watch. Every event, the first ADDED events of a watch from
 * nowhere included, goes through one thread of the watch's own, so that the listener hears them in
 * order and never on fabric8's I/O threads.
 */
final class KubernetesWatch<R extends Resource<?, ?>> implements Watch, Watcher<GenericKubernetesResource> {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesWatch.class);

    private final Kind<R> kind;
    private final WatchListener<R> listener;
    private final ObjectConversion conversion;
    private final Long afterVersion;
    private final Consumer<KubernetesWatch<?>> onEnd;
    private final ExecutorService delivery;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile io.fabric8.kubernetes.client.Watch upstream;

    /**
     * @param afterVersion the version the watch starts after: ADDED events of objects last written at
     *                     or before it are ones the caller already has (some API servers, fabric8's
     *                     mock among them, replay every object when a watch opens), so they are dropped
     */
    KubernetesWatch(Kind<R> kind, WatchListener<R> listener, ObjectConversion conversion, Long afterVersion,
                    Consumer<KubernetesWatch<?>> onEnd) {
        this.kind = kind;
        this.listener = listener;
        this.conversion = conversion;
        this.afterVersion = afterVersion;
        this.onEnd = onEnd;
        this.delivery = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("store-watch-" + kind.plural()).factory());
    }

    /** Queues ADDED events for objects the caller listed before the upstream watch opened. */
    void deliverExisting(List<R> objects) {
        for (R object : objects) submit(() -> listener.onEvent(new WatchEvent<>(WatchEvent.Type.ADDED, object)));
    }

    void upstream(io.fabric8.kubernetes.client.Watch upstream) {
        this.upstream = upstream;
        if (ended.get()) upstream.close();
    }

    @Override
    public void eventReceived(Action action, GenericKubernetesResource object) {
        WatchEvent.Type type = switch (action) {
            case ADDED -> WatchEvent.Type.ADDED;
            case MODIFIED -> WatchEvent.Type.MODIFIED;
            case DELETED -> WatchEvent.Type.DELETED;
            default -> null;
        };
        if (type == null) return;
        if (type == WatchEvent.Type.ADDED && seenBefore(object)) return;
        submit(() -> listener.onEvent(new WatchEvent<>(type, conversion.toModel(kind, object))));
    }

    @Override
    public void onClose(WatcherException cause) {
        StoreException reason = cause.isHttpGone()
                ? new ExpiredException("the changes to " + kind.plural() + " after that resource version are no longer kept; list again")
                : new StoreException("the watch of " + kind.plural() + " failed: " + cause.getMessage(), cause);
        end(reason);
    }

    @Override
    public void onClose() {
        end(null);
    }

    @Override
    public void close() {
        end(null);
    }

    private void end(Throwable cause) {
        if (!ended.compareAndSet(false, true)) return;
        io.fabric8.kubernetes.client.Watch w = upstream;
        if (w != null) w.close();
        onEnd.accept(this);
        try {
            delivery.execute(() -> listener.onClose(cause));
        } catch (RejectedExecutionException e) {
            listener.onClose(cause);
        }
        delivery.shutdown();
    }

    private void submit(Runnable event) {
        if (ended.get()) return;
        try {
            delivery.execute(() -> {
                if (ended.get()) return;
                try {
                    event.run();
                } catch (RuntimeException e) {
                    LOG.warn("a listener of {} failed on an event", kind.plural(), e);
                }
            });
        } catch (RejectedExecutionException ignored) {
            // Ended meanwhile: nothing more is delivered.
        }
    }

    private boolean seenBefore(GenericKubernetesResource object) {
        if (afterVersion == null || object.getMetadata() == null) return false;
        try {
            return Long.parseLong(object.getMetadata().getResourceVersion()) <= afterVersion;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
