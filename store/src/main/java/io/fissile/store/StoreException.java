package io.fissile.store;

/** A store operation failed; subclasses say how, so that callers can answer 404, 409 or 410. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
