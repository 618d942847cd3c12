package io.fissile.triggers.mq.nats;

import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.Delivery;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import io.fissile.triggers.mq.spi.OutgoingMessage;
import io.nats.client.Connection;
import io.nats.client.ConsumerContext;
import io.nats.client.FetchConsumeOptions;
import io.nats.client.FetchConsumer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamStatusCheckedException;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One trigger's durable pull consumer on a JetStream stream, plus a publisher for its responses. */
final class NatsJetStreamConnection implements BrokerConnection {
    /** Most messages handed over by one poll. */
    static final int BATCH = 16;
    /** The client library's shortest wait for the next message. */
    private static final Duration MIN_WAIT = Duration.ofSeconds(1);

    private final NatsJetStreamSettings settings;
    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamStreams streams;
    private final ConsumerContext consumer;
    private final Set<NatsDelivery> unacknowledged = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    /** Tells the server that handed-out messages are still being worked on, so a slow function does not get them twice. */
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable ->
            Thread.ofPlatform().daemon().name("nats-in-progress").unstarted(runnable));

    private NatsJetStreamConnection(NatsJetStreamSettings settings, Connection connection) throws BrokerException {
        this.settings = settings;
        this.connection = connection;
        try {
            this.jetStream = connection.jetStream();
            this.streams = new JetStreamStreams(connection.jetStreamManagement());
            String stream = streams.streamFor(settings.topic(), settings.stream(), settings.createStream());
            connection.jetStreamManagement().addOrUpdateConsumer(stream, ConsumerConfiguration.builder()
                    .durable(settings.consumer())
                    .filterSubject(settings.topic())
                    .ackPolicy(AckPolicy.Explicit)
                    .deliverPolicy(DeliverPolicy.All)
                    .ackWait(settings.ackWait())
                    .build());
            this.consumer = connection.getConsumerContext(stream, settings.consumer());
            long period = Math.max(500, settings.ackWait().toMillis() / 3);
            keepAlive.scheduleAtFixedRate(this::markInProgress, period, period, TimeUnit.MILLISECONDS);
        } catch (IOException | JetStreamApiException e) {
            throw new BrokerException("cannot set up NATS consumer '" + settings.consumer() + "' for subject '"
                    + settings.topic() + "' at " + settings.serverUrl() + ": " + e.getMessage(), e);
        }
    }

    static NatsJetStreamConnection open(NatsJetStreamSettings settings) throws BrokerException {
        Connection connection = connect(settings);
        try {
            return new NatsJetStreamConnection(settings, connection);
        } catch (BrokerException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private void markInProgress() {
        List<NatsDelivery> pending;
        synchronized (unacknowledged) {
            pending = new ArrayList<>(unacknowledged);
        }
        for (NatsDelivery delivery : pending) {
            try {
                delivery.stillWorking();
            } catch (RuntimeException e) {
                // The connection is gone; poll reports that.
            }
        }
    }

    private static Connection connect(NatsJetStreamSettings settings) throws BrokerException {
        Options.Builder options;
        try {
            options = new Options.Builder()
                    .server(settings.serverUrl())
                    .connectionName("fissile-mqt-" + settings.consumer())
                    .connectionTimeout(Duration.ofSeconds(5))
                    .errorListener(new QuietErrorListener())
                    // A lost connection must surface (the trigger reconnects with back-off), not be hidden.
                    .noReconnect();
        } catch (IllegalArgumentException e) {
            throw new InvalidBrokerSettingsException("metadata natsServer '" + settings.serverUrl() + "' is not a NATS URL: "
                    + e.getMessage(), e);
        }
        var credentials = settings.credentials();
        if (credentials.token().isPresent()) {
            options.token(credentials.token().get().toCharArray());
        } else if (credentials.user().isPresent()) {
            options.userInfo(credentials.user().get(), credentials.password().orElse(""));
        }
        try {
            return Nats.connect(options.build());
        } catch (IOException | RuntimeException e) {
            throw new BrokerException("cannot connect to NATS at " + settings.serverUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while connecting to NATS at " + settings.serverUrl(), e);
        }
    }

    @Override
    public List<Delivery> poll(Duration maxWait) throws BrokerException {
        requireConnected();
        List<Delivery> deliveries = new ArrayList<>();
        try {
            Message first = consumer.next(maxWait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : maxWait);
            if (first == null) {
                requireConnected();
                return deliveries;
            }
            deliveries.add(track(first));
            // Whatever else is already waiting comes in the same poll, without waiting for more.
            FetchConsumer more = consumer.fetch(FetchConsumeOptions.builder().maxMessages(BATCH - 1).noWait().build());
            for (Message next = more.nextMessage(); next != null; next = more.nextMessage()) {
                deliveries.add(track(next));
            }
            return deliveries;
        } catch (IOException | JetStreamApiException | JetStreamStatusCheckedException | RuntimeException e) {
            giveBack(deliveries);
            throw new BrokerException("cannot fetch from NATS subject '" + settings.topic() + "' at "
                    + settings.serverUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveBack(deliveries);
            throw new BrokerException("interrupted while fetching from NATS", e);
        }
    }

    @Override
    public void publish(String topic, OutgoingMessage message) throws BrokerException {
        requireConnected();
        streams.ensureCapturedOnce(topic);
        Headers headers = new Headers();
        message.headers().forEach(headers::put);
        if (message.contentType() != null && !message.contentType().isBlank()) {
            headers.put("Content-Type", message.contentType());
        }
        try {
            jetStream.publish(topic, headers, message.body());
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            throw new BrokerException("cannot publish to NATS subject '" + topic + "' at " + settings.serverUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OptionalLong lag() {
        try {
            return OptionalLong.of(consumer.getConsumerInfo().getNumPending());
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
        // Messages handed out but not acknowledged go back at once instead of after the ack wait.
        List<NatsDelivery> pending;
        synchronized (unacknowledged) {
            pending = new ArrayList<>(unacknowledged);
            unacknowledged.clear();
        }
        if (connection.getStatus() == Connection.Status.CONNECTED) {
            pending.forEach(NatsDelivery::giveBack);
            try {
                connection.flush(Duration.ofSeconds(2));
            } catch (Exception e) {
                // Not given back: the server delivers them again after the ack wait.
            }
        }
        closeQuietly(connection);
    }

    private NatsDelivery track(Message message) {
        NatsDelivery delivery = new NatsDelivery(message, unacknowledged::remove);
        unacknowledged.add(delivery);
        return delivery;
    }

    private void giveBack(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            unacknowledged.remove(delivery);
            try {
                ((NatsDelivery) delivery).giveBack();
            } catch (RuntimeException e) {
                // The connection is gone; the server redelivers after the ack wait.
            }
        }
    }

    private void requireConnected() throws BrokerException {
        Connection.Status status = connection.getStatus();
        if (status != Connection.Status.CONNECTED) {
            throw new BrokerException("connection to NATS at " + settings.serverUrl() + " lost (" + status + ")");
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Closing a broken connection has nothing left to release.
        }
    }
}
