package io.fissile.triggers.mq.spi;

import java.util.Map;

/** A received message, not yet acknowledged. */
public interface Delivery {
    String topic();

    byte[] body();

    /** The message's own headers (Kafka record headers, NATS headers, AMQP headers as strings). */
    Map<String, String> headers();

    /** Tells the broker the message is done with; it will not be delivered again. */
    void acknowledge() throws BrokerException;
}
