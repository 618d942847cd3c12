package io.fissile.store;

/** A watch asked for changes older than the store keeps. */
public class ExpiredException extends StoreException {
    public ExpiredException(String message) {
        super(message);
    }
}
