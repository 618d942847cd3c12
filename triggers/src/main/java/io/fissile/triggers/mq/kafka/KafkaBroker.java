package io.fissile.triggers.mq.kafka;

import io.fissile.triggers.mq.spi.Broker;
import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka ({@code messageQueueType: kafka}). Metadata: {@code bootstrapServers} (required),
 * {@code consumerGroup} (default {@code <namespace>-<trigger>}), {@code offsetResetPolicy}
 * ({@code earliest}, the default, or {@code latest}: where a new consumer group starts); SASL and
 * TLS settings as KEDA names them (see {@link KafkaClientSettings}). Offsets are committed by hand,
 * one message at a time, after its outcome is published.
 */
public final class KafkaBroker implements Broker {
    /** How long connecting waits for the cluster to answer before the attempt counts as failed. */
    static final Duration REACH_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Set<String> types() {
        return Set.of("kafka");
    }

    @Override
    public BrokerConnection connect(BrokerSettings settings) throws BrokerException {
        Map<String, Object> props = KafkaClientSettings.common(settings);
        String servers = KafkaClientSettings.bootstrapServers(settings);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.metadata("consumerGroup", settings.consumerName()));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "fissile-" + settings.consumerName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.metadata("offsetResetPolicy", "earliest"));
        // Records are handled one by one, each with a function call: fetch few, and allow time for them.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(30).toMillis());
        props.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        // A consumer that died without leaving its group (a crash, a broker that was down) holds its
        // partitions until its session expires: keep that short so its successor starts soon.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        KafkaConsumer<byte[], byte[]> consumer;
        try {
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (ConfigException e) {
            throw new InvalidBrokerSettingsException("Kafka client settings refused: " + rootMessage(e), e);
        } catch (KafkaException e) {
            throw new BrokerException("cannot connect to Kafka at " + servers + ": " + rootMessage(e), e);
        }
        try {
            consumer.listTopics(REACH_TIMEOUT); // the client connects lazily: make sure someone answers
            consumer.subscribe(List.of(settings.topic()));
        } catch (KafkaException e) {
            consumer.close(Duration.ZERO);
            throw new BrokerException("cannot reach Kafka at " + servers + ": " + rootMessage(e), e);
        }
        return new KafkaConnection(consumer, new KafkaPublisher(props, servers), servers);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root == e ? e.getMessage() : e.getMessage() + " (" + root.getMessage() + ")";
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
