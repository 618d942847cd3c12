package io.fissile.executor;

/** A function is at its concurrency limit and no room appeared in time; the router answers 429 with the message. */
public class TooManyRequestsException extends RuntimeException {
    public TooManyRequestsException(String message) {
        super(message);
    }
}
