package io.fissile.triggers.mq.kafka;

import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.MessageQueueTriggerSpec;
import io.fissile.api.v1.Secret;
import io.fissile.store.ResourceStore;
import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;
import io.fissile.triggers.testing.KafkaCluster;
import io.fissile.triggers.testing.KafkaCluster.OutgoingRecord;
import io.fissile.triggers.testing.RouterStandIn;
import io.fissile.triggers.testing.StoredMessage;
import io.fissile.triggers.testing.TriggerHarness;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message queue triggers against a real Kafka broker in this JVM, a real store and a real HTTP
 * server standing in for the router: what a user sees on the topics and in the trigger's status.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaTriggersTest {
    private static final Duration WAIT = TriggerHarness.WAIT;

    @TempDir
    static Path data;
    static KafkaCluster kafka;
    static TriggerHarness triggers;
    static RouterStandIn router;
    static ResourceStore store;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaCluster.start();
        triggers = TriggerHarness.start("kafka", Map.of("bootstrapServers", kafka.bootstrapServers()), data);
        router = triggers.router();
        store = triggers.store();
    }

    @AfterAll
    static void stop() throws Exception {
        if (triggers != null) triggers.close();
        if (kafka != null) kafka.close();
    }

    @Test
    @Order(1)
    void eachMessageReachesTheFunctionWithItsHeadersAndTheAnswerIsPublished() throws Exception {
        kafka.createTopic("orders", 1);
        kafka.createTopic("orders-done", 1);
        createTrigger("orders", spec -> spec.functionRef(FunctionReference.byName("echo")).topic("orders")
                .respTopic("orders-done").errorTopic("orders-failed").contentType("text/plain"));
        awaitState("orders", "Running");

        kafka.publish("orders", "{\"id\":1}", Map.of("X-Request-Id", "r-1"));

        List<StoredMessage> responses = awaitMessages("orders-done", 1);
        assertThat(responses.getFirst().text()).isEqualTo("echo:{\"id\":1}");
        assertThat(responses.getFirst().headers()).as("the function's response headers")
                .hasEntrySatisfying("x-echoed", value -> assertThat(value).isEqualTo("yes"));
        RouterStandIn.Call call = router.callsOf("echo").getFirst();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.header("X-Fission-MQTrigger-Topic")).isEqualTo("orders");
        assertThat(call.header("X-Fission-MQTrigger-RespTopic")).isEqualTo("orders-done");
        assertThat(call.header("X-Fission-MQTrigger-ErrorTopic")).isEqualTo("orders-failed");
        assertThat(call.header("Content-Type")).isEqualTo("text/plain");
        assertThat(call.header("X-Request-Id")).as("the message's own header").isEqualTo("r-1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts("orders").processed()).isEqualTo(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(counts("orders").lag()).hasValue(0));
    }

    @Test
    @Order(2)
    void aFailureIsRetriedThenPublishedToTheErrorTopic() throws Exception {
        createTrigger("failing", spec -> spec.functionRef(FunctionReference.byName("broken")).topic("jobs")
                .respTopic("jobs-done").errorTopic("jobs-failed").maxRetries(2));
        createTrigger("recovering", spec -> spec.functionRef(FunctionReference.byName("flaky")).topic("tasks")
                .respTopic("tasks-done").errorTopic("tasks-failed").maxRetries(2));
        awaitState("failing", "Running");
        awaitState("recovering", "Running");

        kafka.publish("jobs", "job-7", Map.of("X-Job", "7"));
        kafka.publish("tasks", "task-3", Map.of());

        List<StoredMessage> errors = awaitMessages("jobs-failed", 1);
        assertThat(errors.getFirst().text()).contains("\"broken\"", "HTTP 500", "boom", "3 attempts");
        assertThat(errors.getFirst().headers()).containsEntry("MessageSource", "jobs").containsEntry("X-Job", "7");
        assertThat(router.callsOf("broken")).as("one call and two retries").hasSize(3);
        assertThat(awaitMessages("tasks-done", 1).getFirst().text()).isEqualTo("echo:task-3");
        assertThat(router.callsOf("flaky")).hasSize(3);
        assertThat(kafka.read("tasks-failed")).isEmpty();
        assertThat(kafka.read("jobs-done")).isEmpty();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counts("failing")).extracting(TriggerCounts::processed, TriggerCounts::failed, TriggerCounts::retried)
                    .containsExactly(1L, 1L, 2L);
            assertThat(counts("recovering")).extracting(TriggerCounts::processed, TriggerCounts::failed, TriggerCounts::retried)
                    .containsExactly(1L, 0L, 2L);
        });
    }

    @Test
    @Order(3)
    void messagesOfOnePartitionAreHandledInOrder() throws Exception {
        kafka.createTopic("events", 3);
        createTrigger("events", spec -> spec.functionRef(FunctionReference.byName("in-order")).topic("events")
                .respTopic("events-done"));
        awaitState("events", "Running");
        List<OutgoingRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) records.add(new OutgoingRecord("key-" + i % 3, (i % 3) + ":" + i, Map.of()));

        kafka.publishAll("events", records);

        await().atMost(WAIT).until(() -> router.callsOf("in-order").size() >= 300);
        Map<String, Integer> lastSeen = new HashMap<>();
        for (RouterStandIn.Call call : router.callsOf("in-order")) {
            String[] keyAndSequence = call.body().split(":");
            int sequence = Integer.parseInt(keyAndSequence[1]);
            Integer before = lastSeen.put(keyAndSequence[0], sequence);
            if (before != null) assertThat(sequence).as("after " + before + " with the same key").isGreaterThan(before);
        }
        List<ConsumerRecord<byte[], byte[]>> responses = awaitRecords("events-done", 300);
        assertThat(responses).hasSize(300);
    }

    @Test
    @Order(4)
    void createUpdateAndDeleteTakeEffectWithoutARestart() throws Exception {
        createTrigger("moving", spec -> spec.functionRef(FunctionReference.byName("mover")).topic("first")
                .respTopic("moving-done"));
        awaitState("moving", "Running");
        kafka.publish("first", "one", Map.of());
        await().atMost(WAIT).until(() -> router.callsOf("mover").size() == 1);

        MessageQueueTrigger stored = store.get(Kinds.MESSAGE_QUEUE_TRIGGER, "default", "moving").orElseThrow();
        stored.spec().topic("second");
        store.update(stored);
        await().atMost(WAIT).untilAsserted(() -> assertThat(status("moving", "message")).contains("second"));
        kafka.publish("second", "two", Map.of());
        kafka.publish("first", "not for the trigger any more", Map.of());
        await().atMost(WAIT).until(() -> router.callsOf("mover").size() == 2);
        assertThat(router.callsOf("mover").get(1).body()).isEqualTo("two");

        store.delete(Kinds.MESSAGE_QUEUE_TRIGGER, "default", "moving");
        await().atMost(WAIT).until(() -> triggers.allCounts().stream().noneMatch(c -> c.name().equals("moving")));
        kafka.publish("second", "after the delete", Map.of());
        Thread.sleep(3000);
        assertThat(router.callsOf("mover")).extracting(RouterStandIn.Call::body).containsExactly("one", "two");
    }

    @Test
    @Order(5)
    void aTriggerThatCannotRunSaysWhyInItsStatus() throws Exception {
        createTrigger("on-redis", spec -> spec.messageQueueType("redis").functionRef(FunctionReference.byName("echo"))
                .topic("anything"));
        awaitState("on-redis", "Failed");
        assertThat(status("on-redis", "message")).contains("messageQueueType \"redis\" is not supported", "kafka");

        createTrigger("with-secret", spec -> spec.functionRef(FunctionReference.byName("secretive")).topic("private")
                .respTopic("private-done").secret("kafka-credentials"));
        awaitState("with-secret", "Failed");
        assertThat(status("with-secret", "message")).contains("secret \"kafka-credentials\"", "does not exist");

        createTrigger("nowhere", spec -> spec.functionRef(FunctionReference.byName("echo")).topic("anything")
                .metadata(Map.of("consumerGroup", "lost")));
        awaitState("nowhere", "Failed");
        assertThat(status("nowhere", "message")).contains("metadata.bootstrapServers is required");

        Secret secret = Kinds.SECRET.create("default", "kafka-credentials");
        secret.data("sasl", "none".getBytes(StandardCharsets.UTF_8));
        store.create(secret);
        awaitState("with-secret", "Running");
        kafka.publish("private", "hush", Map.of());
        assertThat(awaitMessages("private-done", 1).getFirst().text()).isEqualTo("echo:hush");
    }

    @Test
    @Order(6)
    void aBrokerThatGoesDownIsReportedAndConsumptionResumesWhenItIsBack() throws Exception {
        kafka.createTopic("resilient", 1);
        createTrigger("resilient", spec -> spec.functionRef(FunctionReference.byName("survivor")).topic("resilient")
                .respTopic("resilient-done"));
        awaitState("resilient", "Running");
        kafka.publish("resilient", "before", Map.of());
        awaitMessages("resilient-done", 1);

        kafka.stopBroker();
        try {
            awaitState("resilient", "Retrying");
            assertThat(status("resilient", "message")).contains(kafka.bootstrapServers());
        } finally {
            kafka.startBroker();
        }
        awaitState("resilient", "Running");
        kafka.publish("resilient", "after", Map.of());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.read("resilient-done"))
                .extracting(StoredMessage::text).contains("echo:before", "echo:after"));
    }

    private static void createTrigger(String name, Consumer<MessageQueueTriggerSpec> spec) {
        triggers.createTrigger(name, spec);
    }

    private static void awaitState(String trigger, String state) {
        triggers.awaitState(trigger, state);
    }

    private static String status(String trigger, String field) {
        return triggers.status(trigger, field);
    }

    private static TriggerCounts counts(String trigger) {
        return triggers.counts(trigger);
    }

    private static List<StoredMessage> awaitMessages(String topic, int count) {
        return await().atMost(WAIT).until(() -> readIfExists(topic), messages -> messages.size() >= count);
    }

    private static List<ConsumerRecord<byte[], byte[]>> awaitRecords(String topic, int count) {
        return await().atMost(WAIT).until(() -> kafka.readRecords(topic), records -> records.size() >= count);
    }

    /** The topic's messages; none while it does not exist yet (publishing a response creates it). */
    private static List<StoredMessage> readIfExists(String topic) {
        try {
            return kafka.read(topic);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
