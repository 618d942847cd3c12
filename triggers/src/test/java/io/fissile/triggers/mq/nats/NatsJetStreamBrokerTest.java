package io.fissile.triggers.mq.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import io.fissile.triggers.mq.spi.Delivery;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import io.fissile.triggers.mq.spi.OutgoingMessage;
import io.fissile.triggers.testing.NatsServer;
import io.fissile.triggers.testing.LocalServerProcess;
import io.fissile.triggers.testing.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NatsJetStreamBrokerTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static NatsServer server;

    private final NatsJetStreamBroker broker = new NatsJetStreamBroker();
    private final String topic = "orders.created" + NEXT.incrementAndGet();
    private final String consumer = "default-trigger" + NEXT.get();

    @BeforeAll
    static void startServer() {
        server = NatsServer.start("broker-test");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pollGivesMessagesInOrderWithTheirHeaders() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(server.url()))) {
            for (int i = 1; i <= 5; i++) {
                server.publish(topic, "message " + i, Map.of("X-Order", String.valueOf(i)));
            }
            List<Delivery> deliveries = pollAtLeast(connection, 5);

            assertThat(deliveries).extracting(NatsJetStreamBrokerTest::text)
                    .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
            assertThat(deliveries).extracting(d -> d.headers().get("X-Order")).containsExactly("1", "2", "3", "4", "5");
            assertThat(deliveries).extracting(Delivery::topic).containsOnly(topic);
        }
    }

    @Test
    void acknowledgedMessagesAreNotDeliveredAgain() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(server.url()))) {
            server.publish(topic, "one", Map.of());
            server.publish(topic, "two", Map.of());
            for (Delivery delivery : pollAtLeast(connection, 2)) {
                delivery.acknowledge();
            }
        }
        server.publish(topic, "three", Map.of());
        try (BrokerConnection reopened = broker.connect(settings(server.url()))) {
            assertThat(pollAtLeast(reopened, 1)).extracting(NatsJetStreamBrokerTest::text).containsExactly("three");
        }
    }

    @Test
    void unacknowledgedMessageComesBackAfterReconnecting() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(server.url()))) {
            server.publish(topic, "handle me", Map.of("X-Id", "42"));
            assertThat(pollAtLeast(connection, 1)).extracting(NatsJetStreamBrokerTest::text).containsExactly("handle me");
        }
        try (BrokerConnection reopened = broker.connect(settings(server.url()))) {
            List<Delivery> again = pollAtLeast(reopened, 1);
            assertThat(again).extracting(NatsJetStreamBrokerTest::text).containsExactly("handle me");
            assertThat(again.getFirst().headers()).containsEntry("X-Id", "42");
        }
    }

    @Test
    void messageBeingHandledLongerThanTheAckWaitIsNotDeliveredTwice() throws Exception {
        Map<String, String> metadata = Map.of("natsServer", server.url(), "ackWait", "1s");
        try (BrokerConnection connection = broker.connect(new BrokerSettings(consumer, topic, metadata, Map.of(), 1000))) {
            server.publish(topic, "slow", Map.of());
            Delivery slow = pollAtLeast(connection, 1).getFirst();

            assertThat(connection.poll(Duration.ofSeconds(3))).isEmpty();
            slow.acknowledge();
        }
    }

    @Test
    void publishStoresTheMessageWithHeadersAndContentType() throws Exception {
        String respTopic = "responses." + topic;
        try (BrokerConnection connection = broker.connect(settings(server.url()))) {
            connection.publish(respTopic, new OutgoingMessage("done".getBytes(StandardCharsets.UTF_8),
                    "text/plain", Map.of("X-Source", "test")));
        }
        List<StoredMessage> stored = server.read(respTopic);
        assertThat(stored).extracting(StoredMessage::text).containsExactly("done");
        assertThat(stored.getFirst().headers()).containsEntry("X-Source", "test").containsEntry("Content-Type", "text/plain");
    }

    @Test
    void lagCountsMessagesNotYetDelivered() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(server.url()))) {
            assertThat(connection.lag()).hasValue(0);
            for (int i = 0; i < 4; i++) {
                server.publish(topic, "waiting " + i, Map.of());
            }
            assertThat(connection.lag()).hasValue(4);
            for (Delivery delivery : pollAtLeast(connection, 4)) {
                delivery.acknowledge();
            }
            assertThat(connection.lag()).hasValue(0);
        }
    }

    @Test
    void namedStreamIsCreatedWhenMissing() throws Exception {
        Map<String, String> metadata = Map.of("natsServer", server.url(), "stream", "named" + NEXT.incrementAndGet(),
                "fissionConsumer", consumer);
        BrokerSettings named = new BrokerSettings("ignored", topic, metadata, Map.of(), 1000);
        try (BrokerConnection connection = broker.connect(named)) {
            server.publish(topic, "into the named stream", Map.of());
            assertThat(pollAtLeast(connection, 1)).extracting(NatsJetStreamBrokerTest::text)
                    .containsExactly("into the named stream");
        }
    }

    @Test
    void namedStreamGainsTheTopicWhenItDoesNotCaptureItYet() throws Exception {
        String stream = "shared" + NEXT.incrementAndGet();
        Map<String, String> metadata = Map.of("natsServer", server.url(), "stream", stream);
        try (BrokerConnection first = broker.connect(new BrokerSettings(consumer + "-a", topic + ".a", metadata, Map.of(), 1000));
             BrokerConnection second = broker.connect(new BrokerSettings(consumer + "-b", topic + ".b", metadata, Map.of(), 1000))) {
            server.publish(topic + ".a", "for a", Map.of());
            server.publish(topic + ".b", "for b", Map.of());

            assertThat(pollAtLeast(first, 1)).extracting(NatsJetStreamBrokerTest::text).containsExactly("for a");
            assertThat(pollAtLeast(second, 1)).extracting(NatsJetStreamBrokerTest::text).containsExactly("for b");
        }
        Map<String, String> fixed = Map.of("natsServer", server.url(), "stream", stream, "createStream", "false");
        assertThatThrownBy(() -> broker.connect(new BrokerSettings(consumer + "-c", topic + ".c", fixed, Map.of(), 1000)))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("does not capture subject '" + topic + ".c'");
    }

    @Test
    void downBrokerIsReportedWithItsAddress() {
        String address = "nats://127.0.0.1:" + LocalServerProcess.freePort();
        assertThatThrownBy(() -> broker.connect(settings(address)))
                .isInstanceOf(BrokerException.class)
                .as("worth retrying").isNotInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("cannot connect to NATS at " + address);
    }

    @Test
    void wrongSettingsAreInvalidAndNameTheMetadataKey() {
        BrokerSettings noServer = new BrokerSettings(consumer, topic, Map.of(), Map.of(), 1000);
        assertThatThrownBy(() -> broker.connect(noServer))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("natsServer");
        BrokerSettings badAckWait = new BrokerSettings(consumer, topic, Map.of("natsServer", server.url(), "ackWait", "soon"),
                Map.of(), 1000);
        assertThatThrownBy(() -> broker.connect(badAckWait))
                .isInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("ackWait");
    }

    @Test
    void lostConnectionSurfacesFromPollAndPublish() throws Exception {
        try (NatsServer own = NatsServer.start("lost-connection");
             BrokerConnection connection = broker.connect(settings(own.url()))) {
            own.stop();

            assertThatThrownBy(() -> connection.poll(Duration.ofSeconds(1)))
                    .isInstanceOf(BrokerException.class).hasMessageContaining(own.url());
            assertThatThrownBy(() -> connection.publish("anywhere", new OutgoingMessage(new byte[0], null, Map.of())))
                    .isInstanceOf(BrokerException.class).hasMessageContaining(own.url());
        }
    }

    private BrokerSettings settings(String url) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put("natsServer", url);
        return new BrokerSettings(consumer, topic, metadata, Map.of(), 1000);
    }

    private static List<Delivery> pollAtLeast(BrokerConnection connection, int count) throws BrokerException {
        List<Delivery> deliveries = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deliveries.size() < count && System.nanoTime() < deadline) {
            deliveries.addAll(connection.poll(Duration.ofSeconds(1)));
        }
        return deliveries;
    }

    private static String text(Delivery delivery) {
        return new String(delivery.body(), StandardCharsets.UTF_8);
    }

}
