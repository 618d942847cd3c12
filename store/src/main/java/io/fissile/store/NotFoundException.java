package io.fissile.store;

/** No object of that kind, namespace and name exists. */
public class NotFoundException extends StoreException {
    public NotFoundException(String message) {
        super(message);
    }
}
