package io.fissile.server;

import io.fissile.triggers.testing.KafkaCluster;
import io.fissile.triggers.testing.StoredMessage;

import java.util.List;
import java.util.Map;

/** Kafka in this JVM ({@link KafkaCluster}), three partitions a topic. */
final class KafkaQueueBroker implements QueueBroker {
    private final KafkaCluster kafka;

    private KafkaQueueBroker(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    static QueueBroker start() throws Exception {
        return new KafkaQueueBroker(KafkaCluster.start());
    }

    @Override
    public String type() {
        return "kafka";
    }

    @Override
    public Map<String, String> metadata() {
        return Map.of("bootstrapServers", kafka.bootstrapServers());
    }

    @Override
    public void createTopics(List<String> topics) throws Exception {
        for (String topic : topics) kafka.createTopic(topic, 3);
    }

    @Override
    public void publish(String topic, List<Message> messages) {
        kafka.publishAll(topic, messages.stream()
                .map(m -> new KafkaCluster.OutgoingRecord(m.id(), m.body(), Map.of("message-id", m.id())))
                .toList());
    }

    @Override
    public List<StoredMessage> read(String topic) {
        return kafka.read(topic);
    }

    @Override
    public int count(String topic) throws Exception {
        return (int) kafka.count(topic);
    }

    @Override
    public void close() throws Exception {
        kafka.close();
    }
}
