package io.fissile.triggers.mq.rabbitmq;

import io.fissile.api.v1.FunctionReference;
import io.fissile.triggers.testing.BrokerTriggersContract;
import io.fissile.triggers.testing.RabbitMqServer;
import io.fissile.triggers.testing.StoredMessage;
import io.fissile.triggers.testing.TestBroker;
import io.fissile.triggers.testing.TriggerHarness;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** rabbitmq triggers end to end on a real rabbitmq-server node; and a broker that drops the connection. */
class RabbitMqTriggersTest extends BrokerTriggersContract {

    @Override
    protected TestBroker startBroker() {
        return RabbitMqServer.start("triggers");
    }

    @Override
    protected String type() {
        return "rabbitmq";
    }

    @Override
    protected Map<String, String> metadata(TestBroker broker) {
        return Map.of("host", ((RabbitMqServer) broker).amqpUri());
    }

    @Test
    @Order(3)
    void consumptionResumesAfterTheBrokerDropsTheConnection() {
        harness.createTrigger("resilient", spec -> spec.functionRef(FunctionReference.byName("survivor"))
                .topic("resilient-in").respTopic("resilient-out"));
        harness.awaitState("resilient", "Running");
        broker.publish("resilient-in", "before", Map.of());
        awaitMessages("resilient-out", 1);

        ((RabbitMqServer) broker).closeAllConnections();

        broker.publish("resilient-in", "after", Map.of());
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> assertThat(broker.read("resilient-out"))
                .extracting(StoredMessage::text).containsExactly("echo:before", "echo:after"));
        harness.awaitState("resilient", "Running");
    }
}
