package io.fissile.triggers.mq.spi;

/** The broker could not be reached, refused the settings, or lost the connection. */
public class BrokerException extends Exception {
    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
