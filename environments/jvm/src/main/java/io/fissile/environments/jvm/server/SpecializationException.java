package io.fissile.environments.jvm.server;

/** Code that cannot be loaded; the message is shown to the user, so it says what is wrong and where. */
public final class SpecializationException extends Exception {

    public SpecializationException(String message) {
        super(message);
    }

    public SpecializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
