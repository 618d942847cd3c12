package io.fissile.triggers;

import java.time.Duration;

/**
 * How message queue triggers pace themselves.
 *
 * @param firstBackoff  the wait before reconnecting to a broker that failed, doubled after each failure
 * @param maxBackoff    the longest wait between reconnection attempts
 * @param retryPause    the wait before calling a function again after it failed on a message
 * @param callTimeout   the longest one function call may take (the router's functionTimeout usually ends it first)
 * @param pollWait      the longest one poll of the broker waits for messages
 */
public record MessageQueueTriggerOptions(Duration firstBackoff, Duration maxBackoff, Duration retryPause,
                                         Duration callTimeout, Duration pollWait) {

    public static MessageQueueTriggerOptions defaults() {
        return new MessageQueueTriggerOptions(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(200),
                Duration.ofMinutes(10), Duration.ofSeconds(1));
    }

    public MessageQueueTriggerOptions withBackoff(Duration first, Duration max) {
        return new MessageQueueTriggerOptions(first, max, retryPause, callTimeout, pollWait);
    }
}
