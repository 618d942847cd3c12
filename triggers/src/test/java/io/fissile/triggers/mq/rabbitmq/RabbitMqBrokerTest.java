package io.fissile.triggers.mq.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import io.fissile.triggers.mq.spi.Delivery;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import io.fissile.triggers.mq.spi.OutgoingMessage;
import io.fissile.triggers.testing.RabbitMqServer;
import io.fissile.triggers.testing.LocalServerProcess;
import io.fissile.triggers.testing.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RabbitMqBrokerTest {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static RabbitMqServer server;

    private final RabbitMqBroker broker = new RabbitMqBroker();
    private final String queue = "orders-" + NEXT.incrementAndGet();

    @BeforeAll
    static void startServer() {
        server = RabbitMqServer.start("broker-test");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pollGivesMessagesInOrderWithTheirHeaders() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(Map.of("host", server.amqpUri()), Map.of()))) {
            for (int i = 1; i <= 5; i++) {
                server.publish(queue, "message " + i, Map.of("X-Order", String.valueOf(i)));
            }
            List<Delivery> deliveries = pollAtLeast(connection, 5);

            assertThat(deliveries).extracting(RabbitMqBrokerTest::text)
                    .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
            assertThat(deliveries).extracting(d -> d.headers().get("X-Order")).containsExactly("1", "2", "3", "4", "5");
            assertThat(deliveries).extracting(Delivery::topic).containsOnly(queue);
        }
    }

    @Test
    void queueNameMetadataOverridesTheTopicAndCredentialsMayComeFromTheSecret() throws Exception {
        String hostWithoutUser = server.amqpUri().replace("guest:guest@", "");
        Map<String, String> metadata = Map.of("host", hostWithoutUser, "queueName", queue + "-named");
        try (BrokerConnection connection = broker.connect(settings(metadata, Map.of("username", "guest", "password", "guest")))) {
            server.publish(queue + "-named", "to the named queue", Map.of());
            assertThat(pollAtLeast(connection, 1)).extracting(Delivery::topic).containsExactly(queue + "-named");
        }
    }

    @Test
    void acknowledgedMessagesAreNotDeliveredAgain() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(Map.of("host", server.amqpUri()), Map.of()))) {
            server.publish(queue, "one", Map.of());
            server.publish(queue, "two", Map.of());
            for (Delivery delivery : pollAtLeast(connection, 2)) {
                delivery.acknowledge();
            }
        }
        server.publish(queue, "three", Map.of());
        try (BrokerConnection reopened = broker.connect(settings(Map.of("host", server.amqpUri()), Map.of()))) {
            assertThat(pollAtLeast(reopened, 1)).extracting(RabbitMqBrokerTest::text).containsExactly("three");
            assertThat(reopened.poll(Duration.ofMillis(500))).isEmpty();
        }
    }

    @Test
    void unacknowledgedMessageComesBackAfterReconnecting() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(Map.of("host", server.amqpUri()), Map.of()))) {
            server.publish(queue, "handle me", Map.of("X-Id", "42"));
            assertThat(pollAtLeast(connection, 1)).extracting(RabbitMqBrokerTest::text).containsExactly("handle me");
        }
        try (BrokerConnection reopened = broker.connect(settings(Map.of("host", server.amqpUri()), Map.of()))) {
            List<Delivery> again = pollAtLeast(reopened, 1);
            assertThat(again).extracting(RabbitMqBrokerTest::text).containsExactly("handle me");
            assertThat(again.getFirst().headers()).containsEntry("X-Id", "42");
        }
    }

    @Test
    void publishStoresAPersistentMessageWithHeadersAndContentType() throws Exception {
        String respQueue = queue + "-responses";
        try (BrokerConnection connection = broker.connect(settings(Map.of("host", server.amqpUri()), Map.of()))) {
            connection.publish(respQueue, new OutgoingMessage("done".getBytes(StandardCharsets.UTF_8),
                    "text/plain", Map.of("X-Source", "test")));
        }
        List<StoredMessage> stored = server.read(respQueue);
        assertThat(stored).extracting(StoredMessage::text).containsExactly("done");
        assertThat(stored.getFirst().headers()).containsEntry("X-Source", "test").containsEntry("content-type", "text/plain");
    }

    @Test
    void lagCountsMessagesNotYetPolled() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(Map.of("host", server.amqpUri(), "prefetchCount", "3"), Map.of()))) {
            assertThat(connection.lag()).hasValue(0);
            for (int i = 0; i < 7; i++) {
                server.publish(queue, "waiting " + i, Map.of());
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connection.lag()).hasValue(7));
            List<Delivery> first = pollAtLeast(connection, 1);
            assertThat(first).hasSizeLessThanOrEqualTo(3);
            for (Delivery delivery : first) {
                delivery.acknowledge();
            }
            int left = 7 - first.size();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(connection.lag()).hasValue(left));
        }
    }

    @Test
    void downBrokerIsReportedWithItsAddress() {
        int port = LocalServerProcess.freePort();
        assertThatThrownBy(() -> broker.connect(settings(Map.of("host", "amqp://guest:secret@127.0.0.1:" + port), Map.of())))
                .isInstanceOf(BrokerException.class)
                .as("worth retrying").isNotInstanceOf(InvalidBrokerSettingsException.class)
                .hasMessageContaining("cannot connect to RabbitMQ at amqp://guest:***@127.0.0.1:" + port)
                .hasMessageNotContaining("secret");
    }

    @Test
    void missingOrBadHostNamesTheField() {
        assertThatThrownBy(() -> broker.connect(settings(Map.of(), Map.of())))
                .isInstanceOf(InvalidBrokerSettingsException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> broker.connect(settings(Map.of("host", "http://127.0.0.1:5672"), Map.of())))
                .isInstanceOf(InvalidBrokerSettingsException.class).hasMessageContaining("host must be an amqp://");
        assertThatThrownBy(() -> broker.connect(settings(Map.of("host", server.amqpUri(), "prefetchCount", "0"), Map.of())))
                .isInstanceOf(InvalidBrokerSettingsException.class).hasMessageContaining("prefetchCount");
    }

    @Test
    void lostConnectionSurfacesFromPollAndPublish() throws Exception {
        try (BrokerConnection connection = broker.connect(settings(Map.of("host", server.amqpUri()), Map.of()))) {
            server.closeAllConnections();

            assertThatThrownBy(() -> connection.poll(Duration.ofSeconds(5)))
                    .isInstanceOf(BrokerException.class).hasMessageContaining("127.0.0.1:" + server.port());
            assertThatThrownBy(() -> connection.publish("anywhere", new OutgoingMessage(new byte[0], null, Map.of())))
                    .isInstanceOf(BrokerException.class).hasMessageContaining("127.0.0.1:" + server.port());
        }
    }

    private BrokerSettings settings(Map<String, String> metadata, Map<String, String> secret) {
        return new BrokerSettings("default-" + queue, queue, metadata, secret, 1000);
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
