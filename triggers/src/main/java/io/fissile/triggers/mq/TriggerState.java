package io.fissile.triggers.mq;

/** What a trigger's consumer is doing, as {@code status.state} shows it. */
enum TriggerState {
    /** Connecting to the broker for the first time since the trigger (or server) started. */
    CONNECTING("Connecting"),
    /** Subscribed and consuming. */
    RUNNING("Running"),
    /** The broker failed or cannot be reached; trying again after a back-off. */
    RETRYING("Retrying"),
    /** The trigger cannot run as it is; it waits for a change to it (or to its secret). */
    FAILED("Failed");

    final String text;

    TriggerState(String text) {
        this.text = text;
    }
}
