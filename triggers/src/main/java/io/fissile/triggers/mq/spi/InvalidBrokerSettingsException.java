package io.fissile.triggers.mq.spi;

/**
 * The trigger's settings (metadata, secret) are wrong or incomplete: connecting again will not help
 * until the trigger or its secret changes, so the trigger is reported as failed rather than retried.
 */
public class InvalidBrokerSettingsException extends BrokerException {
    public InvalidBrokerSettingsException(String message) {
        super(message);
    }

    public InvalidBrokerSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
