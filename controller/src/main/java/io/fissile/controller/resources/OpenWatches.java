package io.fissile.controller.resources;

import io.vertx.core.Future;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The watch streams being served, so that stopping the controller can end them cleanly. */
public final class OpenWatches {
    private final Set<WatchStream<?>> streams = ConcurrentHashMap.newKeySet();

    void add(WatchStream<?> stream) {
        streams.add(stream);
    }

    void remove(WatchStream<?> stream) {
        streams.remove(stream);
    }

    /** Ends every stream as its client would see the end of a watch; done when their store watches are closed. */
    public Future<Void> endAll() {
        List<Future<Void>> ends = List.copyOf(streams).stream().map(WatchStream::end).toList();
        return Future.join(ends).mapEmpty();
    }
}
