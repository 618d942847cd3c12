package io.fissile.runtime;

/** An instance could not be started or never became ready; the message says why and shows its last output. */
public class InstanceStartException extends RuntimeException {
    public InstanceStartException(String message) {
        super(message);
    }

    public InstanceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
