package io.fissile.triggers.mq.kafka;

import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.OutgoingMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes responses and errors: an idempotent producer with {@code acks=all} (so records of one
 * trigger land in order, once each, on every replica), made on first use. Records are sent without
 * waiting; {@link #awaitPublished()} waits for all of them, and offsets are committed only after it.
 */
final class KafkaPublisher implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> props;
    private final String servers;
    private KafkaProducer<byte[], byte[]> producer;
    private final List<Sent> inFlight = new ArrayList<>();

    KafkaPublisher(Map<String, Object> common, String servers) {
        this.props = new HashMap<>(common);
        this.servers = servers;
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.remove("group.id");
    }

    /**
     * Hands a record to the producer and returns at once; {@link #awaitPublished()} waits until the
     * cluster has every record handed over so far.
     */
    void send(String topic, OutgoingMessage message) throws BrokerException {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, message.body());
        message.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        if (message.contentType() != null && message.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            record.headers().add("Content-Type", message.contentType().getBytes(StandardCharsets.UTF_8));
        }
        try {
            inFlight.add(new Sent(topic, producer().send(record)));
        } catch (KafkaException e) {
            throw new BrokerException("cannot publish to " + topic + " at " + servers + ": " + KafkaBroker.rootMessage(e), e);
        }
    }

    /** Waits until the cluster has every record sent; fails if it refused or lost any. */
    void awaitPublished() throws BrokerException, InterruptedException {
        try {
            for (Sent sent : inFlight) {
                try {
                    sent.result().get(SEND_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    throw new BrokerException("cannot publish to " + sent.topic() + " at " + servers + ": "
                            + KafkaBroker.rootMessage(e.getCause()), e.getCause());
                } catch (TimeoutException e) {
                    throw new BrokerException("publishing to " + sent.topic() + " at " + servers + " timed out", e);
                }
            }
        } finally {
            inFlight.clear();
        }
    }

    private record Sent(String topic, Future<RecordMetadata> result) {
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) producer.close(Duration.ofSeconds(5));
    }
}
