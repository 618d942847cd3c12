package io.fissile.triggers.testing;

import io.fissile.api.v1.FunctionReference;
import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every broker type's triggers must do end to end, against a real broker, the triggers core and a
 * real HTTP server as the router: a message reaches the function with its headers and the answer is
 * published; a failure is retried, then published to the error topic. A broker's own test extends this
 * and adds how that broker goes away and comes back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class BrokerTriggersContract {
    protected TestBroker broker;
    protected TriggerHarness harness;

    /** Starts the broker (skipping the test, with the Debian package's name, where it is not installed). */
    protected abstract TestBroker startBroker();

    /** The trigger's {@code messageQueueType}. */
    protected abstract String type();

    /** The trigger's {@code metadata} that reaches this broker. */
    protected abstract Map<String, String> metadata(TestBroker broker);

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        broker = startBroker();
        harness = TriggerHarness.start(type(), metadata(broker), data);
    }

    @AfterAll
    void stop() {
        if (harness != null) harness.close();
        if (broker != null) broker.close();
    }

    @Test
    @Order(1)
    void eachMessageReachesTheFunctionAndTheAnswerIsPublishedToTheResponseTopic() {
        harness.createTrigger("orders", spec -> spec.functionRef(FunctionReference.byName("echo"))
                .topic("orders").respTopic("orders-done").errorTopic("orders-failed").contentType("text/plain"));
        harness.awaitState("orders", "Running");

        broker.publish("orders", "{\"id\":1}", Map.of("X-Request-Id", "r-1"));

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
    void aFailureIsRetriedThenPublishedToTheErrorTopic() {
        harness.createTrigger("failing", spec -> spec.functionRef(FunctionReference.byName("broken"))
                .topic("jobs").respTopic("jobs-done").errorTopic("jobs-failed").maxRetries(1));
        harness.awaitState("failing", "Running");

        broker.publish("jobs", "job-7", Map.of("X-Job", "7"));

        List<StoredMessage> errors = awaitMessages("jobs-failed", 1);
        assertThat(errors.getFirst().text()).contains("boom");
        assertThat(errors.getFirst().header("X-Job")).isEqualTo("7");
        assertThat(harness.router().callsOf("broken")).as("one call and one retry").hasSize(2);
        assertThat(broker.read("jobs-done")).isEmpty();
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> assertThat(harness.counts("failing"))
                .extracting(TriggerCounts::processed, TriggerCounts::failed).containsExactly(1L, 1L));
    }

    /** Waits until the topic holds at least {@code count} messages, and returns them. */
    protected List<StoredMessage> awaitMessages(String topic, int count) {
        return await().atMost(TriggerHarness.WAIT).until(() -> broker.read(topic), messages -> messages.size() >= count);
    }
}
