package io.fissile.server;

import io.fissile.triggers.testing.StoredMessage;

import java.util.List;
import java.util.Map;

/** A real broker a server test publishes to and reads from, started by the test and stopped after it. */
interface QueueBroker extends AutoCloseable {
    /** The trigger's {@code messageQueueType}. */
    String type();

    /** The trigger's {@code metadata}: where the broker is. */
    Map<String, String> metadata();

    /** Makes the topics (streams, queues) exist before anyone publishes. */
    void createTopics(List<String> topics) throws Exception;

    /** Publishes messages in order, each with its header {@code message-id}, and waits until the broker has them. */
    void publish(String topic, List<Message> messages) throws Exception;

    /** Every message on the topic now. */
    List<StoredMessage> read(String topic) throws Exception;

    /** How many messages the topic holds now; brokers that can tell without reading them all do. */
    default int count(String topic) throws Exception {
        return read(topic).size();
    }

    /** A message to publish. */
    record Message(String id, String body) {
    }

    /** Starts one kind of broker; a test skips itself where it cannot. */
    interface Launcher {
        QueueBroker start() throws Exception;
    }
}
