package io.fissile.store.sqlite;

import io.fissile.api.WatchEvent;

/**
 * One change as the log keeps it: the object is JSON, so that each watcher decodes its own copy.
 *
 * @param resourceVersion the version of the write (for an object of a snapshot, the version of the snapshot)
 */
record ChangeEvent(long resourceVersion, WatchEvent.Type type, ObjectKey key, String json) {
}
