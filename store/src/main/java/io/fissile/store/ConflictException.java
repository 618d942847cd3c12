package io.fissile.store;

/** The object changed since the version the writer read (a stale resourceVersion or uid). */
public class ConflictException extends StoreException {
    public ConflictException(String message) {
        super(message);
    }
}
