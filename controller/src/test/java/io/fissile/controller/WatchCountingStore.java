package io.fissile.controller;

import io.fissile.api.Kind;
import io.fissile.api.LabelSelector;
import io.fissile.api.Resource;
import io.fissile.api.ResourceList;
import io.fissile.store.ResourceStore;
import io.fissile.store.Watch;
import io.fissile.store.WatchListener;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** The real store, with a count of the watches open on it, so tests can see the controller close them. */
final class WatchCountingStore implements ResourceStore {
    private final ResourceStore store;
    private final AtomicInteger openWatches = new AtomicInteger();

    WatchCountingStore(ResourceStore store) {
        this.store = store;
    }

    int openWatches() {
        return openWatches.get();
    }

    @Override
    public <R extends Resource<?, ?>> Watch watch(Kind<R> kind, String namespace, String fromResourceVersion,
                                                 WatchListener<R> listener) {
        Watch watch = store.watch(kind, namespace, fromResourceVersion, listener);
        openWatches.incrementAndGet();
        return new Watch() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    openWatches.decrementAndGet();
                }
                watch.close();
            }
        };
    }

    @Override
    public <R extends Resource<?, ?>> Optional<R> get(Kind<R> kind, String namespace, String name) {
        return store.get(kind, namespace, name);
    }

    @Override
    public <R extends Resource<?, ?>> ResourceList<R> list(Kind<R> kind, String namespace, LabelSelector selector) {
        return store.list(kind, namespace, selector);
    }

    @Override
    public <R extends Resource<?, ?>> R create(R resource) {
        return store.create(resource);
    }

    @Override
    public <R extends Resource<?, ?>> R update(R resource) {
        return store.update(resource);
    }

    @Override
    public <R extends Resource<?, ?>> R updateStatus(R resource) {
        return store.updateStatus(resource);
    }

    @Override
    public <R extends Resource<?, ?>> R delete(Kind<R> kind, String namespace, String name) {
        return store.delete(kind, namespace, name);
    }

    @Override
    public String currentResourceVersion() {
        return store.currentResourceVersion();
    }

    @Override
    public void close() {
        store.close();
    }
}
