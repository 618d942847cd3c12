package io.fissile.triggers.testing;

import java.util.List;
import java.util.Map;

/** A real broker a test started: put messages on a topic, and read what a trigger published. */
public interface TestBroker extends AutoCloseable {
    void publish(String topic, String body, Map<String, String> headers);

    /** Every message on the topic now, oldest first. */
    List<StoredMessage> read(String topic);

    @Override
    void close();
}
