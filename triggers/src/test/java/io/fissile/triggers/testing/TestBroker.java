package io.fissile.triggers.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A real broker a test started: put messages on a topic, and read what a trigger published. */
public interface TestBroker extends AutoCloseable {
    /** Publishes one message and returns once the broker holds it durably. */
    default void publish(String topic, String body, Map<String, String> headers) {
        publishAll(topic, List.of(new StoredMessage(body.getBytes(StandardCharsets.UTF_8), headers)));
    }

    /** Publishes messages in order and returns once the broker holds them all durably. */
    void publishAll(String topic, List<StoredMessage> messages);

    /** Every message on the topic now, oldest first. */
    List<StoredMessage> read(String topic);

    @Override
    void close();
}
