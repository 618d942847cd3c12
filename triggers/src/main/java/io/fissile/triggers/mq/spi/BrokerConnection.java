package io.fissile.triggers.mq.spi;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * One trigger's subscription. Used by one thread at a time: it polls, handles each delivery in the
 * order given, publishes, then acknowledges. A delivery not acknowledged before the connection
 * closes (or the process dies) is delivered again later: that is what makes triggers at-least-once.
 */
public interface BrokerConnection extends AutoCloseable {
    /**
     * Waits up to {@code maxWait} for messages and returns those that arrived, in delivery order
     * (for Kafka, the order within each partition is kept). Empty when none came.
     */
    List<Delivery> poll(Duration maxWait) throws BrokerException;

    /**
     * Publishes a message and returns once the broker has it durably (confirmed / acknowledged). A
     * broker whose {@link Delivery#acknowledge()} only takes effect later (Kafka commits a batch's
     * offsets before its next poll) may instead return at once, provided no acknowledgement takes
     * effect before every message published until then is durable.
     */
    void publish(String topic, OutgoingMessage message) throws BrokerException;

    /** Messages waiting for this consumer, when the broker can tell. */
    OptionalLong lag();

    @Override
    void close();
}
