package io.fissile.store;

import io.fissile.api.Codec;
import io.fissile.api.Kind;
import io.fissile.api.LabelSelector;
import io.fissile.api.Resource;
import io.fissile.api.ResourceList;
import io.fissile.api.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A live, in-memory copy of one kind's objects, kept current by a store watch, as Kubernetes
 * informers are: the data path reads objects without a store round trip, and listeners hear of
 * every change. If the watch ends early (it fell behind, or its version expired) the informer lists
 * again and reports the difference, so listeners miss nothing.
 * <p>
 * Objects handed out are shared: read them, never change them.
 */
public final class Informer<R extends Resource<?, ?>> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Informer.class);

    private final ResourceStore store;
    private final Kind<R> kind;
    private final Map<Key, R> objects = new ConcurrentHashMap<>();
    private final List<InformerListener<R>> listeners = new CopyOnWriteArrayList<>();
    private final Object dispatch = new Object();
    private volatile Watch watch;
    private volatile boolean closed;

    private Informer(ResourceStore store, Kind<R> kind) {
        this.store = store;
        this.kind = kind;
    }

    /** Lists every object of the kind and starts watching; returns with the copy complete. */
    public static <R extends Resource<?, ?>> Informer<R> start(ResourceStore store, Kind<R> kind) {
        Informer<R> informer = new Informer<>(store, kind);
        informer.synchronize();
        return informer;
    }

    public Kind<R> kind() {
        return kind;
    }

    public Optional<R> get(String namespace, String name) {
        return Optional.ofNullable(objects.get(new Key(namespace, name)));
    }

    /** Every object now known, in no particular order. */
    public List<R> list() {
        return List.copyOf(objects.values());
    }

    /** Adds a listener; it first hears {@code onAdd} for every object already known, then each change. */
    public void addListener(InformerListener<R> listener) {
        synchronized (dispatch) {
            objects.values().forEach(listener::onAdd);
            listeners.add(listener);
        }
    }

    public void removeListener(InformerListener<R> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        closed = true;
        Watch w = watch;
        if (w != null) w.close();
    }

    /** Lists, reports what changed since the last known state, and watches from the list's version. */
    private void synchronize() {
        ResourceList<R> list = store.list(kind, null, LabelSelector.everything());
        synchronized (dispatch) {
            Map<Key, R> seen = new HashMap<>();
            for (R object : list.items()) {
                Key key = Key.of(object);
                seen.put(key, object);
                R before = objects.put(key, object);
                if (before == null) listeners.forEach(l -> l.onAdd(object));
                else if (!Codec.sameContent(before, object)) listeners.forEach(l -> l.onUpdate(before, object));
            }
            for (Key key : new ArrayList<>(objects.keySet())) {
                if (!seen.containsKey(key)) {
                    R last = objects.remove(key);
                    listeners.forEach(l -> l.onDelete(last));
                }
            }
        }
        watch = store.watch(kind, null, list.resourceVersion(), new WatchListener<>() {
            @Override
            public void onEvent(WatchEvent<R> event) {
                apply(event);
            }

            @Override
            public void onClose(Throwable cause) {
                if (cause != null && !closed) resynchronize(cause);
            }
        });
    }

    private void apply(WatchEvent<R> event) {
        R object = event.object();
        Key key = Key.of(object);
        synchronized (dispatch) {
            switch (event.type()) {
                case ADDED, MODIFIED -> {
                    R before = objects.put(key, object);
                    if (before == null) listeners.forEach(l -> l.onAdd(object));
                    else listeners.forEach(l -> l.onUpdate(before, object));
                }
                case DELETED -> {
                    R last = objects.remove(key);
                    listeners.forEach(l -> l.onDelete(last == null ? object : last));
                }
            }
        }
    }

    /** The watch ended early: list again until it works or the informer is closed. */
    private void resynchronize(Throwable cause) {
        log.info("{} watch ended ({}); listing again", kind.plural(), cause.toString());
        Thread.ofVirtual().name("informer-" + kind.plural()).start(() -> {
            for (long backoffMillis = 100; !closed; backoffMillis = Math.min(backoffMillis * 2, 5_000)) {
                try {
                    synchronize();
                    return;
                } catch (RuntimeException e) {
                    log.warn("{}: cannot list again yet: {}", kind.plural(), e.toString());
                    try {
                        Thread.sleep(backoffMillis);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        });
    }

    private record Key(String namespace, String name) {
        static Key of(Resource<?, ?> r) {
            return new Key(r.namespace(), r.name());
        }
    }
}
