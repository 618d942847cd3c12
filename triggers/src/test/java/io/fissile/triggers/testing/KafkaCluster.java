package io.fissile.triggers.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real one-node Kafka cluster (KRaft, broker and controller combined) in this JVM, on a free
 * loopback port, with its own temporary data directory, plus the few client calls tests need:
 * create topics, publish, read a whole topic.
 */
public final class KafkaCluster implements AutoCloseable {
    /** The user the test kit creates on a SASL/PLAIN broker, as a trigger's secret would name it. */
    public static final String SASL_USER = JaasUtils.KAFKA_PLAIN_USER1;
    public static final String SASL_PASSWORD = JaasUtils.KAFKA_PLAIN_USER1_PASSWORD;

    private final KafkaClusterTestKit cluster;
    /** What the test's own clients need to be let in. */
    private final Map<String, Object> clientSecurity;

    private KafkaCluster(KafkaClusterTestKit cluster, Map<String, Object> clientSecurity) {
        this.cluster = cluster;
        this.clientSecurity = clientSecurity;
    }

    /** A cluster clients reach without credentials. */
    public static KafkaCluster start() throws Exception {
        return start(SecurityProtocol.PLAINTEXT, Map.of());
    }

    /** A cluster whose clients must log in with SASL/PLAIN ({@link #SASL_USER}, {@link #SASL_PASSWORD}). */
    public static KafkaCluster startWithSaslPlain() throws Exception {
        return start(SecurityProtocol.SASL_PLAINTEXT, Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD + "\";"));
    }

    private static KafkaCluster start(SecurityProtocol protocol, Map<String, Object> clientSecurity) throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setBrokerSecurityProtocol(protocol)
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                // One broker: internal topics cannot have more replicas than that.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // With SASL the test kit adds an authorizer: let the broker in over its PLAINTEXT
                // controller listener, and any logged-in user use any topic (no ACLs here).
                .setConfigProp("super.users", "User:ANONYMOUS;User:" + JaasUtils.KAFKA_PLAIN_ADMIN)
                .setConfigProp("allow.everyone.if.no.acl.found", "true")
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new KafkaCluster(cluster, clientSecurity);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the broker (the controller keeps running); clients see it as down. */
    public void stopBroker() {
        cluster.brokers().values().forEach(broker -> {
            broker.shutdown();
            broker.awaitShutdown();
        });
    }

    /** Starts the broker stopped by {@link #stopBroker()} again, on the same port. */
    public void startBroker() throws Exception {
        cluster.brokers().values().forEach(broker -> broker.startup());
        cluster.waitForReadyBrokers();
    }

    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = cluster.admin(clientSecurity)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A producer that waits for the broker's acknowledgement of each record it sends. */
    public KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.putAll(clientSecurity);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Publishes one record (key may be null) and waits until the broker has it. */
    public void publish(String topic, String key, String body, Map<String, String> headers) {
        publishAll(topic, List.of(new OutgoingRecord(key, body, headers)));
    }

    /** As {@link #publish(String, String, String, Map)} without a key, as the other brokers' launchers do. */
    public void publish(String topic, String body, Map<String, String> headers) {
        publish(topic, null, body, headers);
    }

    /** A record to publish. */
    public record OutgoingRecord(String key, String body, Map<String, String> headers) {
    }

    /** Publishes records in order, with one producer, and waits until the broker has them all. */
    public void publishAll(String topic, List<OutgoingRecord> records) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (OutgoingRecord r : records) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                        r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8), r.body().getBytes(StandardCharsets.UTF_8));
                r.headers().forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
                sent.add(producer.send(record));
            }
            for (var future : sent) future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic + ": " + e, e);
        }
    }

    /** Every message of a topic now, partition by partition, in order. */
    public List<StoredMessage> read(String topic) {
        return readRecords(topic).stream().map(record -> {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8)));
            return new StoredMessage(record.value() == null ? new byte[0] : record.value(), headers);
        }).toList();
    }

    /** How many records the topic holds now (the sum of its partitions' end offsets: nothing is ever deleted here). */
    public long count(String topic) {
        Properties props = new Properties();
        props.putAll(clientSecurity);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Every record of a topic now (all partitions, up to their end offsets at the time of the call). */
    public List<ConsumerRecord<byte[], byte[]>> readRecords(String topic) {
        Properties props = new Properties();
        props.putAll(clientSecurity);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) throw new IllegalStateException("reading " + topic + " took over a minute");
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Where a consumer group stands on one partition, or -1 if it has committed nothing there. */
    public long committedOffset(String group, String topic, int partition) throws Exception {
        try (Admin admin = cluster.admin(clientSecurity)) {
            var offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            var offset = offsets.get(new TopicPartition(topic, partition));
            return offset == null ? -1 : offset.offset();
        }
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
