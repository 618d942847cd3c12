package io.fissile.triggers.mq;

/** The trigger cannot run as it is (unknown queue type, a missing secret): waiting will not help, a change will. */
final class InvalidTriggerException extends Exception {
    InvalidTriggerException(String message) {
        super(message);
    }
}
