package io.fissile.store;

/** An object of that kind, namespace and name exists already. */
public class AlreadyExistsException extends StoreException {
    public AlreadyExistsException(String message) {
        super(message);
    }
}
