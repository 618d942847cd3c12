package io.fissile.triggers.mq.nats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fissile.api.v1.FunctionReference;
import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;
import io.fissile.triggers.testing.NatsServer;
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

/** nats-jetstream triggers end to end: a real nats-server, the triggers core, a real HTTP server as the router. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatsJetStreamTriggersTest {
    @TempDir
    static Path data;
    static NatsServer nats;
    static TriggerHarness harness;

    @BeforeAll
    static void start() throws Exception {
        nats = NatsServer.start("triggers");
        harness = TriggerHarness.start("nats-jetstream", Map.of("natsServer", nats.url()), data);
    }

    @AfterAll
    static void stop() {
        if (harness != null) harness.close();
        if (nats != null) nats.close();
    }

    @Test
    @Order(1)
    void eachMessageReachesTheFunctionAndTheAnswerIsPublishedToTheResponseSubject() {
        harness.createTrigger("orders", spec -> spec.functionRef(FunctionReference.byName("echo"))
                .topic("orders.created").respTopic("orders.done").errorTopic("orders.failed").contentType("text/plain"));
        harness.awaitState("orders", "Running");

        nats.publish("orders.created", "{\"id\":1}", Map.of("X-Request-Id", "r-1"));

        List<StoredMessage> responses = awaitMessages("orders.done", 1);
        assertThat(responses.getFirst().text()).isEqualTo("echo:{\"id\":1}");
        assertThat(responses.getFirst().header("X-Echoed")).isEqualTo("yes");
        RouterStandIn.Call call = harness.router().callsOf("echo").getFirst();
        assertThat(call.header("X-Fission-MQTrigger-Topic")).isEqualTo("orders.created");
        assertThat(call.header("X-Request-Id")).as("the message's own header").isEqualTo("r-1");
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> {
            assertThat(harness.counts("orders").processed()).isEqualTo(1);
            assertThat(harness.counts("orders").lag()).hasValue(0);
        });
    }

    @Test
    @Order(2)
    void aFailureIsRetriedThenPublishedToTheErrorSubject() {
        harness.createTrigger("failing", spec -> spec.functionRef(FunctionReference.byName("broken"))
                .topic("jobs.new").respTopic("jobs.done").errorTopic("jobs.failed").maxRetries(1));
        harness.awaitState("failing", "Running");

        nats.publish("jobs.new", "job-7", Map.of("X-Job", "7"));

        List<StoredMessage> errors = awaitMessages("jobs.failed", 1);
        assertThat(errors.getFirst().text()).contains("boom");
        assertThat(errors.getFirst().header("X-Job")).isEqualTo("7");
        assertThat(harness.router().callsOf("broken")).as("one call and one retry").hasSize(2);
        assertThat(nats.read("jobs.done")).isEmpty();
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> assertThat(harness.counts("failing"))
                .extracting(TriggerCounts::processed, TriggerCounts::failed).containsExactly(1L, 1L));
    }

    @Test
    @Order(3)
    void aServerThatGoesDownIsReportedAndConsumptionResumesWhenItIsBack() {
        harness.createTrigger("resilient", spec -> spec.functionRef(FunctionReference.byName("survivor"))
                .topic("resilient.in").respTopic("resilient.out"));
        harness.awaitState("resilient", "Running");
        nats.publish("resilient.in", "before", Map.of());
        awaitMessages("resilient.out", 1);

        nats.stop();
        try {
            harness.awaitState("resilient", "Retrying");
            assertThat(harness.status("resilient", "message")).contains(nats.url());
        } finally {
            nats.start();
        }
        harness.awaitState("resilient", "Running");
        nats.publish("resilient.in", "after", Map.of());
        await().atMost(TriggerHarness.WAIT).untilAsserted(() -> assertThat(nats.read("resilient.out"))
                .extracting(StoredMessage::text).containsExactly("echo:before", "echo:after"));
    }

    private static List<StoredMessage> awaitMessages(String subject, int count) {
        return await().atMost(TriggerHarness.WAIT).until(() -> nats.read(subject), messages -> messages.size() >= count);
    }
}
