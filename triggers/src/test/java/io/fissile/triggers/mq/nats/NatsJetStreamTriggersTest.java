package io.fissile.triggers.mq.nats;

import io.fissile.api.v1.FunctionReference;
import io.fissile.triggers.testing.BrokerTriggersContract;
import io.fissile.triggers.testing.NatsServer;
import io.fissile.triggers.testing.StoredMessage;
import io.fissile.triggers.testing.TestBroker;
import io.fissile.triggers.testing.TriggerHarness;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** nats-jetstream triggers end to end on a real nats-server; and a server that goes down and comes back. */
class NatsJetStreamTriggersTest extends BrokerTriggersContract {

    @Override
    protected TestBroker startBroker() {
        return NatsServer.start("triggers");
    }

    @Override
    protected String type() {
        return "nats-jetstream";
    }

    @Override
    protected Map<String, String> metadata(TestBroker broker) {
        return Map.of("natsServer", nats().url());
    }

    private NatsServer nats() {
        return (NatsServer) broker;
    }

    @Test
    @Order(3)
    void aServerThatGoesDownIsReportedAndConsumptionResumesWhenItIsBack() {
        harness.createTrigger("resilient", spec -> spec.functionRef(FunctionReference.byName("survivor"))
                .topic("resilient.in").respTopic("resilient.out"));
        harness.awaitState("resilient", "Running");
        broker.publish("resilient.in", "before", Map.of());
        awaitMessages("resilient.out", 1);

        nats().stop();
        try {
            harness.awaitState("resilient", "Retrying");
            assertThat(harness.status("resilient", "message")).contains(nats().url());
        } finally {
            nats().start();
        }
        harness.awaitState("resilient", "Running");
        broker.publish("resilient.in", "after", Map.of());
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> assertThat(broker.read("resilient.out"))
                .extracting(StoredMessage::text).containsExactly("echo:before", "echo:after"));
    }
}
