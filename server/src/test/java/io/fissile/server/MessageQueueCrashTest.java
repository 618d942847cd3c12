package io.fissile.server;

import io.fissile.triggers.testing.StoredMessage;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code kill -9} of a real server in the middle of a queue's consumption loses no message: after a
 * restart on the same data directory, every message has its response (or its error) on the
 * trigger's topics at least once. How many came twice is printed: at-least-once allows some.
 */
class MessageQueueCrashTest {
    private static final int MESSAGES = 10_000;
    private static final Pattern ID = Pattern.compile("\"id\":\"(m-\\d+)\"");

    @TempDir
    Path dataDir;
    @TempDir
    Path work;

    static Stream<Named<QueueBroker.Launcher>> brokers() {
        return Stream.of(Named.of("kafka", KafkaQueueBroker::start), Named.of("nats-jetstream", NatsQueueBroker::start),
                Named.of("rabbitmq", RabbitMqQueueBroker::start));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokers")
    void aServerKilledMidStreamDeliversEveryMessageAtLeastOnce(QueueBroker.Launcher launcher) throws Exception {
        long testStarted = System.nanoTime();
        try (QueueBroker broker = launcher.start()) {
            broker.createTopics(List.of("requests", "responses", "errors"));
            List<QueueBroker.Message> messages = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                String id = String.format("m-%05d", i);
                messages.add(new QueueBroker.Message(id, "{\"id\":\"" + id + "\"}"));
            }
            int beforeKill;
            ServerProcess server = ServerProcess.start(dataDir);
            try {
                server.cliOk(work, "env", "create", "--name", "nodejs", "--image", "fission/node-env", "--poolsize", "1");
                server.cliOk(work, "fn", "create", "--name", "echo-body", "--env", "nodejs",
                        "--code", FunctionsEndToEndTest.resource("echo-body.js").toString());
                List<String> create = new ArrayList<>(List.of("mqt", "create", "--name", "crash", "--function", "echo-body",
                        "--mqtype", broker.type(), "--topic", "requests", "--resptopic", "responses", "--errortopic", "errors",
                        "--maxretries", "3"));
                broker.metadata().forEach((key, value) -> create.addAll(List.of("--metadata", key + "=" + value)));
                server.cliOk(work, create.toArray(String[]::new));
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(server.cliOk(work, "mqt", "list")).containsPattern("(?m)^crash .* Running$"));

                long publishing = System.nanoTime();
                broker.publish("requests", messages);

                // Kill it in the middle: some messages handled, most not.
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> broker.count("responses") >= MESSAGES / 4);
                server.kill();
                beforeKill = broker.count("responses") + broker.count("errors");
                System.out.printf("MessageQueueCrashTest[%s]: killed the server after %d of %d messages (%.1f s)%n",
                        broker.type(), beforeKill, MESSAGES, (System.nanoTime() - publishing) / 1e9);
            } finally {
                server.kill();
            }

            try (ServerProcess restarted = ServerProcess.start(dataDir)) {
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> broker.count("responses") + broker.count("errors") >= MESSAGES);
                Map<String, Integer> seen = await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2))
                        .until(() -> deliveries(broker), ids -> ids.size() >= MESSAGES);
                long duplicates = seen.values().stream().filter(n -> n > 1).count();
                int errors = broker.read("errors").size();
                System.out.printf("MessageQueueCrashTest[%s]: %d messages, all delivered; %d delivered more than once, "
                                + "%d on the error topic, %.1f s in all%n",
                        broker.type(), MESSAGES, duplicates, errors, (System.nanoTime() - testStarted) / 1e9);
                assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(
                        messages.stream().map(QueueBroker.Message::id).toList());
                assertThat(duplicates).as("repeats are only the messages in flight when the server died").isLessThan(100);
                assertThat(restarted.cliOk(work, "mqt", "list")).containsPattern("(?m)^crash .* Running$");
                assertThat(restarted.metric("fissile_mqtrigger_messages_processed_total", "trigger_name=\"crash\"").orElse(-1))
                        .as("messages handled since the restart, in the restarted server's /metrics")
                        .isGreaterThanOrEqualTo(MESSAGES - beforeKill);
            }
        }
    }

    /** Each id seen on the response topic (in the echoed body) or the error topic (in its header), with how often. */
    private static Map<String, Integer> deliveries(QueueBroker broker) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (StoredMessage response : broker.read("responses")) {
            Matcher m = ID.matcher(response.text());
            if (m.find()) counts.merge(m.group(1), 1, Integer::sum);
        }
        for (StoredMessage error : broker.read("errors")) {
            String id = error.headers().get("message-id");
            if (id != null) counts.merge(id, 1, Integer::sum);
        }
        return counts;
    }

}
