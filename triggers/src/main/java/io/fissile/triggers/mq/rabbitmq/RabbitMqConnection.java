package io.fissile.triggers.mq.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.Delivery;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import io.fissile.triggers.mq.spi.OutgoingMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One trigger's consumer on its queue, plus a confirming publisher for responses and errors. The
 * broker pushes at most {@code prefetch} unacknowledged messages; they wait in a buffer for poll.
 */
final class RabbitMqConnection implements BrokerConnection {
    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;
    /** Put in the buffer to wake a waiting poll when the channel shuts down. */
    private static final Object LOST = new Object();

    private final RabbitMqSettings settings;
    private final Connection connection;
    private final Channel consumeChannel;
    private final Channel publishChannel;
    private final Channel lagChannel;
    private final BlockingQueue<Object> buffer = new LinkedBlockingQueue<>();
    private final Set<String> declaredQueues = ConcurrentHashMap.newKeySet();
    private volatile String lostReason;

    private RabbitMqConnection(RabbitMqSettings settings, Connection connection) throws IOException {
        this.settings = settings;
        this.connection = connection;
        ensureQueue(settings.queue());
        this.publishChannel = connection.createChannel();
        publishChannel.confirmSelect();
        this.lagChannel = connection.createChannel();
        this.consumeChannel = connection.createChannel();
        consumeChannel.basicQos(settings.prefetch());
        consumeChannel.basicConsume(settings.queue(), false, new BufferingConsumer(consumeChannel));
    }

    static RabbitMqConnection open(RabbitMqSettings settings) throws BrokerException {
        Connection connection = connect(settings);
        try {
            return new RabbitMqConnection(settings, connection);
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection);
            throw new BrokerException("cannot consume RabbitMQ queue '" + settings.queue() + "' at " + settings.address()
                    + ": " + describe(e), e);
        }
    }

    private static Connection connect(RabbitMqSettings settings) throws BrokerException {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(settings.uri());
            if ("amqps".equals(settings.uri().getScheme())) {
                // setUri alone would trust any certificate: verify the chain and the host name as HTTPS does.
                factory.useSslProtocol(javax.net.ssl.SSLContext.getDefault());
                factory.enableHostnameVerification();
            }
        } catch (Exception e) {
            throw new InvalidBrokerSettingsException("host '" + settings.address() + "' is not a usable AMQP URI: "
                    + e.getMessage(), e);
        }
        settings.username().ifPresent(factory::setUsername);
        settings.password().ifPresent(factory::setPassword);
        settings.vhost().ifPresent(factory::setVirtualHost);
        factory.setConnectionTimeout(5000);
        factory.setRequestedHeartbeat(10);
        // A lost connection must surface (the trigger reconnects with back-off), not be recovered silently.
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        try {
            return factory.newConnection("fissile-mqt-" + settings.queue());
        } catch (Exception e) {
            throw new BrokerException("cannot connect to RabbitMQ at " + settings.address() + ": " + describe(e), e);
        }
    }

    /** Declares a durable queue unless one of that name exists (whatever its type or arguments). */
    private void ensureQueue(String queue) throws IOException {
        if (declaredQueues.contains(queue)) {
            return;
        }
        // A failed passive declare closes its channel, so each attempt gets a throwaway one.
        try (Channel probe = connection.createChannel()) {
            probe.queueDeclarePassive(queue);
        } catch (IOException | java.util.concurrent.TimeoutException | ShutdownSignalException e) {
            try (Channel declaring = connection.createChannel()) {
                declaring.queueDeclare(queue, true, false, false, null);
            } catch (java.util.concurrent.TimeoutException timeout) {
                throw new IOException("timed out declaring queue '" + queue + "'", timeout);
            }
        }
        declaredQueues.add(queue);
    }

    @Override
    public List<Delivery> poll(Duration maxWait) throws BrokerException {
        failIfLost();
        List<Delivery> deliveries = new ArrayList<>();
        try {
            Object first = buffer.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                List<Object> items = new ArrayList<>();
                items.add(first);
                buffer.drainTo(items);
                for (Object item : items) {
                    if (item instanceof RabbitMqDelivery delivery) {
                        deliveries.add(delivery);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for RabbitMQ queue '" + settings.queue() + "'", e);
        }
        // Deliveries from a closed channel cannot be acknowledged; the broker requeues them.
        failIfLost();
        return deliveries;
    }

    @Override
    public void publish(String topic, OutgoingMessage message) throws BrokerException {
        failIfLost();
        Map<String, Object> headers = new HashMap<>(message.headers());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .deliveryMode(2)
                .contentType(message.contentType())
                .headers(headers)
                .build();
        try {
            ensureQueue(topic);
            publishChannel.basicPublish("", topic, properties, message.body());
            publishChannel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
        } catch (IOException | java.util.concurrent.TimeoutException | RuntimeException e) {
            throw new BrokerException("cannot publish to RabbitMQ queue '" + topic + "' at " + settings.address()
                    + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while publishing to RabbitMQ queue '" + topic + "'", e);
        }
    }

    /** Ready messages in the queue plus those prefetched into this connection but not yet polled. */
    @Override
    public OptionalLong lag() {
        synchronized (lagChannel) {
            try {
                long prefetched = buffer.stream().filter(RabbitMqDelivery.class::isInstance).count();
                return OptionalLong.of(lagChannel.messageCount(settings.queue()) + prefetched);
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        }
    }

    @Override
    public void close() {
        // Closing the connection returns every unacknowledged message to the queue.
        closeQuietly(connection);
    }

    private void failIfLost() throws BrokerException {
        String reason = lostReason;
        if (reason == null && !connection.isOpen()) {
            reason = "connection closed";
        }
        if (reason != null) {
            buffer.clear();
            throw new BrokerException("connection to RabbitMQ at " + settings.address() + " lost: " + reason);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        if ((message == null || message.isBlank()) && e.getCause() != null) {
            message = e.getCause().getMessage();
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Connection connection) {
        try {
            if (connection.isOpen()) {
                connection.close(2000);
            }
        } catch (IOException | RuntimeException e) {
            connection.abort();
        }
    }

    /** Hands pushed messages to poll and records why the channel went away. */
    private final class BufferingConsumer extends DefaultConsumer {
        BufferingConsumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
            buffer.add(new RabbitMqDelivery(getChannel(), envelope.getDeliveryTag(), settings.queue(), properties, body));
        }

        @Override
        public void handleShutdownSignal(String consumerTag, ShutdownSignalException signal) {
            lostReason = describe(signal);
            buffer.add(LOST);
        }

        @Override
        public void handleCancel(String consumerTag) {
            lostReason = "the broker cancelled the consumer (was queue '" + settings.queue() + "' deleted?)";
            buffer.add(LOST);
        }
    }
}
