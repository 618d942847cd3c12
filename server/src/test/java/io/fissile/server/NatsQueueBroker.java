package io.fissile.server;

import io.fissile.triggers.testing.NatsServer;
import io.fissile.triggers.testing.StoredMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Debian's nats-server with JetStream ({@link NatsServer}), one stream a subject. A short ack wait
 * brings back, soon after a restart, the messages a killed server had fetched but not acknowledged.
 */
final class NatsQueueBroker implements QueueBroker {
    private final NatsServer nats;

    private NatsQueueBroker(NatsServer nats) {
        this.nats = nats;
    }

    static QueueBroker start() {
        return new NatsQueueBroker(NatsServer.start("server-test"));
    }

    @Override
    public String type() {
        return "nats-jetstream";
    }

    @Override
    public Map<String, String> metadata() {
        return Map.of("natsServer", nats.url(), "ackWait", "5s");
    }

    @Override
    public void createTopics(List<String> topics) {
        // Publishing an empty batch creates the subject's stream.
        for (String topic : topics) nats.publishAll(topic, List.of());
    }

    @Override
    public void publish(String topic, List<Message> messages) {
        nats.publishAll(topic, messages.stream()
                .map(m -> new StoredMessage(m.body().getBytes(StandardCharsets.UTF_8), Map.of("message-id", m.id())))
                .toList());
    }

    @Override
    public List<StoredMessage> read(String topic) {
        return nats.read(topic);
    }

    @Override
    public void close() {
        nats.close();
    }
}
