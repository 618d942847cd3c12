package io.fissile.triggers.mq.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fissile.api.v1.FunctionReference;
import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;
import io.fissile.triggers.testing.RabbitMqServer;
import io.fissile.triggers.testing.RouterStandIn;
import io.fissile.triggers.testing.StoredMessage;
import io.fissile.triggers.testing.TriggerHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** rabbitmq triggers end to end: a real rabbitmq-server node, the triggers core, a real HTTP server as the router. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RabbitMqTriggersTest {
    @TempDir
    static Path data;
    static RabbitMqServer rabbit;
    static TriggerHarness harness;

    @BeforeAll
    static void start() throws Exception {
        rabbit = RabbitMqServer.start("triggers");
        harness = TriggerHarness.start("rabbitmq", Map.of("host", rabbit.amqpUri()), data);
    }

    @AfterAll
    static void stop() {
        if (harness != null) harness.close();
        if (rabbit != null) rabbit.close();
    }

    @Test
    @Order(1)
    void eachMessageReachesTheFunctionAndTheAnswerIsPublishedToTheResponseQueue() {
        harness.createTrigger("orders", spec -> spec.functionRef(FunctionReference.byName("echo"))
                .topic("orders").respTopic("orders-done").errorTopic("orders-failed").contentType("text/plain"));
        harness.awaitState("orders", "Running");

        rabbit.publish("orders", "{\"id\":1}", Map.of("X-Request-Id", "r-1"));

        List<StoredMessage> responses = awaitMessages("orders-done", 1);
        assertThat(responses.getFirst().text()).isEqualTo("echo:{\"id\":1}");
        assertThat(responses.getFirst().header("X-Echoed")).isEqualTo("yes");
        RouterStandIn.Call call = harness.router().callsOf("echo").getFirst();
        assertThat(call.header("X-Fission-MQTrigger-Topic")).isEqualTo("orders");
        assertThat(call.header("X-Request-Id")).as("the message's own header").isEqualTo("r-1");
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> {
            assertThat(harness.counts("orders").processed()).isEqualTo(1);
            assertThat(harness.counts("orders").lag()).hasValue(0);
        });
    }

    @Test
    @Order(2)
    void aFailureIsRetriedThenPublishedToTheErrorQueue() {
        harness.createTrigger("failing", spec -> spec.functionRef(FunctionReference.byName("broken"))
                .topic("jobs").respTopic("jobs-done").errorTopic("jobs-failed").maxRetries(1));
        harness.awaitState("failing", "Running");

        rabbit.publish("jobs", "job-7", Map.of("X-Job", "7"));

        List<StoredMessage> errors = awaitMessages("jobs-failed", 1);
        assertThat(errors.getFirst().text()).contains("boom");
        assertThat(errors.getFirst().header("X-Job")).isEqualTo("7");
        assertThat(harness.router().callsOf("broken")).as("one call and one retry").hasSize(2);
        assertThat(rabbit.read("jobs-done")).isEmpty();
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> assertThat(harness.counts("failing"))
                .extracting(TriggerCounts::processed, TriggerCounts::failed).containsExactly(1L, 1L));
    }

    @Test
    @Order(3)
    void consumptionResumesAfterTheBrokerDropsTheConnection() {
        harness.createTrigger("resilient", spec -> spec.functionRef(FunctionReference.byName("survivor"))
                .topic("resilient-in").respTopic("resilient-out"));
        harness.awaitState("resilient", "Running");
        rabbit.publish("resilient-in", "before", Map.of());
        awaitMessages("resilient-out", 1);

        rabbit.closeAllConnections();

        rabbit.publish("resilient-in", "after", Map.of());
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> assertThat(rabbit.read("resilient-out"))
                .extracting(StoredMessage::text).containsExactly("echo:before", "echo:after"));
        harness.awaitState("resilient", "Running");
    }

    private static List<StoredMessage> awaitMessages(String queue, int count) {
        return await().atMost(TriggerHarness.WAIT).until(() -> rabbit.read(queue), messages -> messages.size() >= count);
    }
}
