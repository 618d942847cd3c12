package io.fissile.triggers.mq.kafka;

import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.Delivery;
import io.fissile.triggers.mq.spi.OutgoingMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One trigger's Kafka consumer (and producer). Records come in the order of each partition. A
 * record's offset is committed once it is handled, together with the others of its batch: before
 * the next poll, and before closing, and only after the cluster has every response and error
 * published for them (publishing does not wait record by record: the commit does). A crash
 * therefore repeats at most the records of the batch being handled (up to
 * {@code max.poll.records}), never skips one. While
 * no record comes, the cluster is asked now and then whether it is still there: Kafka's client
 * would otherwise wait silently for a broker that is gone.
 */
final class KafkaConnection implements BrokerConnection {
    private static final Duration IDLE_CHECK = Duration.ofSeconds(10);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaPublisher publisher;
    private final String servers;
    private long idleSinceNanos = System.nanoTime();
    /** The next offset to read of each partition, for the records handled since the last commit. */
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();

    KafkaConnection(KafkaConsumer<byte[], byte[]> consumer, KafkaPublisher publisher, String servers) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.servers = servers;
    }

    @Override
    public List<Delivery> poll(Duration maxWait) throws BrokerException {
        try {
            commitHandled();
            ConsumerRecords<byte[], byte[]> records = consumer.poll(maxWait);
            if (records.isEmpty()) {
                checkReachableWhenIdle();
                return List.of();
            }
            idleSinceNanos = System.nanoTime();
            List<Delivery> deliveries = new ArrayList<>(records.count());
            for (ConsumerRecord<byte[], byte[]> record : records) deliveries.add(new KafkaDelivery(record));
            return deliveries;
        } catch (KafkaException e) {
            throw new BrokerException("Kafka at " + servers + " failed: " + KafkaBroker.rootMessage(e), e);
        }
    }

    private void commitHandled() throws BrokerException {
        if (handled.isEmpty()) return;
        try {
            publisher.awaitPublished();
        } catch (BrokerException e) {
            handled.clear(); // not committed: the records come again
            throw e;
        } catch (InterruptedException e) {
            handled.clear();
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for responses to be published", e);
        }
        try {
            consumer.commitSync(handled, COMMIT_TIMEOUT);
            handled.clear();
        } catch (KafkaException e) {
            String offsets = handled.toString();
            handled.clear(); // their records come again to whoever consumes the partitions next
            throw new BrokerException("cannot commit offsets " + offsets + " at " + servers + ": "
                    + KafkaBroker.rootMessage(e), e);
        }
    }

    private void checkReachableWhenIdle() {
        if (System.nanoTime() - idleSinceNanos < IDLE_CHECK.toNanos()) return;
        consumer.listTopics(KafkaBroker.REACH_TIMEOUT); // throws a TimeoutException (a KafkaException) when nobody answers
        idleSinceNanos = System.nanoTime();
    }

    /** Sends at once; the commit of the message's offset waits until the cluster has it (see above). */
    @Override
    public void publish(String topic, OutgoingMessage message) throws BrokerException {
        publisher.send(topic, message);
    }

    @Override
    public OptionalLong lag() {
        long total = 0;
        boolean known = false;
        try {
            for (TopicPartition partition : consumer.assignment()) {
                OptionalLong lag = consumer.currentLag(partition);
                if (lag.isPresent()) {
                    total += lag.getAsLong();
                    known = true;
                }
            }
        } catch (KafkaException e) {
            return OptionalLong.empty();
        }
        return known ? OptionalLong.of(total) : OptionalLong.empty();
    }

    @Override
    public void close() {
        try {
            commitHandled();
        } catch (BrokerException | RuntimeException e) {
            // not committed: those records come again, which at-least-once allows
        } finally {
            try {
                publisher.close();
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }
    }

    /** A record; acknowledging commits the offset after it. */
    private final class KafkaDelivery implements Delivery {
        private final ConsumerRecord<byte[], byte[]> record;

        KafkaDelivery(ConsumerRecord<byte[], byte[]> record) {
            this.record = record;
        }

        @Override
        public String topic() {
            return record.topic();
        }

        @Override
        public byte[] body() {
            return record.value() == null ? new byte[0] : record.value();
        }

        @Override
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            return headers;
        }

        /** Marks the record handled; its offset is committed with its batch's, before the next poll. */
        @Override
        public void acknowledge() {
            handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
    }
}
