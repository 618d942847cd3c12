package io.fissile.store;

/**
 * An open watch; closing it stops its events (one being delivered at that moment completes) and
 * the listener then hears {@link WatchListener#onClose} with no cause. Closing may be done from the
 * listener itself.
 */
public interface Watch extends AutoCloseable {
    @Override
    void close();
}
