package io.fissile.store;

import io.fissile.api.Resource;

/** Hears of the changes an {@link Informer} sees. Calls come one at a time, in the store's order. */
public interface InformerListener<R extends Resource<?, ?>> {

    /** A new object, or an existing one when the listener is added. */
    default void onAdd(R object) {
    }

    /** A changed object: as it was and as it is now. */
    default void onUpdate(R before, R now) {
    }

    /** A deleted object, as it was last stored. */
    default void onDelete(R last) {
    }
}
