package io.fissile.store.sqlite;

import io.fissile.api.Codec;
import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;
import io.fissile.store.StoreException;
import io.fissile.store.Watch;
import io.fissile.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One watch: a queue of live changes and a thread of its own that hands them to the listener, in
 * order. The writer only ever adds to the queue, so a slow listener never holds up a write; one
 * that falls {@code capacity} events behind, or throws, is closed with the reason and the others
 * carry on.
 * <p>
 * A watch is registered for live changes before its starting point is read; live changes up to
 * that point are then already in the replay and are skipped, so there is no gap and no repeat.
 */
final class WatchSubscription<R extends Resource<?, ?>> implements Watch {
    private static final Logger LOG = LoggerFactory.getLogger(WatchSubscription.class);

    /** Put on the queue to wake the delivery thread when the watch is closed. */
    private static final ChangeEvent WAKE_UP = new ChangeEvent(Long.MAX_VALUE, null, null, null);

    private final Kind<R> kind;
    private final String namespace;
    private final WatchListener<R> listener;
    private final int capacity;
    private final Consumer<WatchSubscription<?>> onEnd;
    private final LinkedBlockingQueue<ChangeEvent> live = new LinkedBlockingQueue<>();
    private final AtomicReference<Ending> ending = new AtomicReference<>();

    /** Why the watch ended; the first reason given wins. */
    private record Ending(Throwable cause) {
    }

    /**
     * @param namespace the namespace watched, or null for all
     * @param onEnd     called on the delivery thread once it stops, before the listener hears of it
     */
    WatchSubscription(Kind<R> kind, String namespace, WatchListener<R> listener, int capacity,
                      Consumer<WatchSubscription<?>> onEnd) {
        this.kind = kind;
        this.namespace = namespace;
        this.listener = listener;
        this.capacity = capacity;
        this.onEnd = onEnd;
    }

    boolean wants(ChangeEvent event) {
        return event.key().kind().equals(kind.name()) && (namespace == null || namespace.equals(event.key().namespace()));
    }

    /** Queues a live change; never blocks. */
    void offer(ChangeEvent event) {
        if (isClosed()) return;
        if (live.size() >= capacity) {
            end(new StoreException("the watch of " + describe() + " fell " + capacity
                    + " events behind and was closed; watch again from the last resource version seen"));
            return;
        }
        live.add(event);
    }

    /** Starts delivery: the replay first, then the live changes made after {@code replayedThrough}. */
    void start(List<ChangeEvent> replay, long replayedThrough) {
        // A platform thread: listener code may block in ways that would pin a virtual thread's carrier.
        Thread.ofPlatform().daemon().name("fissile-watch-" + kind.plural()).start(() -> deliver(replay, replayedThrough));
    }

    @Override
    public void close() {
        end(null);
    }

    /** Ends the watch; the listener hears of it once the event in hand, if any, is delivered. */
    void end(Throwable cause) {
        if (ending.compareAndSet(null, new Ending(cause))) {
            live.add(WAKE_UP);
        }
    }

    private boolean isClosed() {
        return ending.get() != null;
    }

    private void deliver(List<ChangeEvent> replay, long replayedThrough) {
        try {
            for (ChangeEvent event : replay) {
                if (isClosed()) return;
                hand(event);
            }
            while (!isClosed()) {
                ChangeEvent event = live.take();
                if (event != WAKE_UP && event.resourceVersion() > replayedThrough && !isClosed()) {
                    hand(event);
                }
            }
        } catch (Throwable failure) {
            // A failing listener (or a corrupt event) ends this watch only.
            end(failure);
        } finally {
            onEnd.accept(this);
            tellListener();
        }
    }

    private void hand(ChangeEvent event) {
        listener.onEvent(new WatchEvent<>(event.type(), Codec.fromJson(event.json(), kind.type())));
    }

    private void tellListener() {
        end(null);
        Throwable cause = ending.get().cause();
        if (cause instanceof StoreException fellBehind) {
            LOG.warn("{}", fellBehind.getMessage());
        } else if (cause != null) {
            LOG.warn("Closed the watch of {}: {}", describe(), cause, cause);
        }
        try {
            listener.onClose(cause);
        } catch (RuntimeException e) {
            LOG.warn("The listener of a watch of {} failed when told that the watch ended", describe(), e);
        }
    }

    private String describe() {
        return kind.plural() + (namespace == null ? " in all namespaces" : " in namespace \"" + namespace + "\"");
    }
}
