package io.fissile.server;

import io.fissile.triggers.testing.RabbitMqServer;
import io.fissile.triggers.testing.StoredMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Debian's rabbitmq-server as a node of its own ({@link RabbitMqServer}), one durable queue a topic. */
final class RabbitMqQueueBroker implements QueueBroker {
    private final RabbitMqServer rabbit;

    private RabbitMqQueueBroker(RabbitMqServer rabbit) {
        this.rabbit = rabbit;
    }

    static QueueBroker start() {
        return new RabbitMqQueueBroker(RabbitMqServer.start("server-test"));
    }

    @Override
    public String type() {
        return "rabbitmq";
    }

    @Override
    public Map<String, String> metadata() {
        return Map.of("host", rabbit.amqpUri());
    }

    @Override
    public void createTopics(List<String> topics) {
        // Publishing an empty batch declares the durable queue.
        for (String topic : topics) rabbit.publishAll(topic, List.of());
    }

    @Override
    public void publish(String topic, List<Message> messages) {
        rabbit.publishAll(topic, messages.stream()
                .map(m -> new StoredMessage(m.body().getBytes(StandardCharsets.UTF_8), Map.of("message-id", m.id())))
                .toList());
    }

    @Override
    public List<StoredMessage> read(String topic) {
        return rabbit.read(topic);
    }

    @Override
    public void close() {
        rabbit.close();
    }
}
