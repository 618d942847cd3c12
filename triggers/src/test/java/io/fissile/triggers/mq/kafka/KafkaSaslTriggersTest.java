package io.fissile.triggers.mq.kafka;

import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.Secret;
import io.fissile.triggers.testing.KafkaCluster;
import io.fissile.triggers.testing.StoredMessage;
import io.fissile.triggers.testing.TriggerHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Kafka that wants SASL/PLAIN logins: the trigger's secret holds them, as KEDA's Kafka scaler reads them. */
class KafkaSaslTriggersTest {
    @TempDir
    static Path data;
    static KafkaCluster kafka;
    static TriggerHarness triggers;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaCluster.startWithSaslPlain();
        triggers = TriggerHarness.start("kafka", Map.of("bootstrapServers", kafka.bootstrapServers()), data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (triggers != null) triggers.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void theSecretsLoginLetsTheTriggerConsumeAndAWrongOneIsReported() throws Exception {
        kafka.createTopic("secured", 1);
        secret("kafka-login", KafkaCluster.SASL_PASSWORD);
        secret("wrong-login", "not-the-password");
        triggers.createTrigger("secured", spec -> spec.functionRef(FunctionReference.byName("echo")).topic("secured")
                .respTopic("secured-done").secret("kafka-login"));
        triggers.createTrigger("refused", spec -> spec.functionRef(FunctionReference.byName("echo")).topic("secured")
                .metadata(Map.of("bootstrapServers", kafka.bootstrapServers(), "consumerGroup", "refused"))
                .secret("wrong-login"));

        triggers.awaitState("secured", "Running");
        kafka.publish("secured", "hello", Map.of());
        List<StoredMessage> responses = await().atMost(TriggerHarness.WAIT)
                .until(() -> readIfExists("secured-done"), messages -> !messages.isEmpty());
        assertThat(responses.getFirst().text()).isEqualTo("echo:hello");

        triggers.awaitState("refused", "Retrying");
        assertThat(triggers.status("refused", "message")).containsIgnoringCase("authentication failed");
    }

    private static void secret(String name, String password) {
        Secret secret = Kinds.SECRET.create("default", name);
        secret.data("sasl", "plaintext".getBytes(StandardCharsets.UTF_8));
        secret.data("username", KafkaCluster.SASL_USER.getBytes(StandardCharsets.UTF_8));
        secret.data("password", password.getBytes(StandardCharsets.UTF_8));
        triggers.store().create(secret);
    }

    private static List<StoredMessage> readIfExists(String topic) {
        try {
            return kafka.read(topic);
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
