package io.fissile.store.sqlite;

import io.fissile.api.WatchEvent;

/**
 * What a write decided: a change of the given type to store (the writer then gives the object its
 * resource version), or no change at all, in which case the stored object is the answer.
 */
record Outcome<R>(WatchEvent.Type type, R object) {

    static <R> Outcome<R> unchanged(R stored) {
        return new Outcome<>(null, stored);
    }

    static <R> Outcome<R> change(WatchEvent.Type type, R object) {
        return new Outcome<>(type, object);
    }

    boolean changed() {
        return type != null;
    }
}
