package io.fissile.store;

import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;

/** Receives the changes of a {@link ResourceStore#watch}. */
public interface WatchListener<R extends Resource<?, ?>> {

    void onEvent(WatchEvent<R> event);

    /**
     * The watch has ended: closed by its owner or the store ({@code cause} null), or because it
     * fell too far behind or the store failed ({@code cause} says why). A watcher that wants more
     * starts a new watch from the last resource version it saw.
     */
    default void onClose(Throwable cause) {
    }
}
