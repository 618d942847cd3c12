package io.fissile.executor;

/** No instance of a function could be made ready; the message says which function and why. */
public class FunctionUnavailableException extends RuntimeException {
    private final boolean transientFailure;

    public FunctionUnavailableException(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /**
     * True when trying again later may work (a package still building, no capacity to start an
     * instance: 503); false when the function itself is broken (its code does not load: 500).
     */
    public boolean isTransient() {
        return transientFailure;
    }
}
