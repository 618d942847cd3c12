package io.fissile.cli.commands.mqtrigger;

import io.fissile.api.v1.MessageQueueTriggerSpec;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.options.FunctionOption;
import io.fissile.cli.options.KeyValues;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The flags {@code mqt create} and {@code mqt update} share; create fills in Fission's defaults first. */
public final class MessageQueueTriggerFlags {
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.functionref", "--function",
            "spec.messageQueueType", "--mqtype",
            "spec.topic", "--topic",
            "spec.respTopic", "--resptopic",
            "spec.errorTopic", "--errortopic",
            "spec.maxRetries", "--maxretries",
            "spec.pollingInterval", "--pollinginterval",
            "spec.cooldownPeriod", "--cooldownperiod",
            "spec.minReplicaCount", "--minreplicacount",
            "spec.maxReplicaCount", "--maxreplicacount",
            "spec.mqtkind", "--mqtkind");

    @Mixin
    FunctionOption function;

    @Option(names = "--mqtype", paramLabel = "TYPE",
            description = "Queue type: kafka for mqtkind fission; kafka, aws-sqs-queue, aws-kinesis-stream, gcp-pubsub, stan, nats-jetstream, rabbitmq or redis for keda (default: kafka)")
    String queueType;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic the trigger listens on")
    String topic;

    @Option(names = "--resptopic", paramLabel = "TOPIC", description = "Topic the function's responses are sent to (discarded if unset)")
    String responseTopic;

    @Option(names = "--errortopic", paramLabel = "TOPIC", description = "Topic the function's errors are sent to (discarded if unset)")
    String errorTopic;

    @Option(names = "--maxretries", paramLabel = "N", description = "Times a failed call is retried (default: 0)")
    Integer maxRetries;

    @Option(names = {"--contenttype", "-c"}, paramLabel = "TYPE", description = "Content type of the messages (default: application/json)")
    String contentType;

    @Option(names = "--pollinginterval", paramLabel = "SECONDS", description = "Interval to check the queue for scaling consumers (default: 30)")
    Integer pollingInterval;

    @Option(names = "--cooldownperiod", paramLabel = "SECONDS",
            description = "Time to wait after the last message before scaling consumers to 0 (default: 300)")
    Integer cooldownPeriod;

    @Option(names = "--minreplicacount", paramLabel = "N", description = "Minimum number of consumers (default: 0)")
    Integer minReplicaCount;

    @Option(names = "--maxreplicacount", paramLabel = "N", description = "Maximum number of consumers (default: 100)")
    Integer maxReplicaCount;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE", description = "Setting for connecting to the queue; repeat for several")
    List<String> metadata;

    @Option(names = "--secret", paramLabel = "SECRET", description = "Secret with the queue's credentials")
    String secret;

    @Option(names = "--mqtkind", paramLabel = "KIND", description = "Kind of trigger: fission or keda (default: keda)")
    String kind;

    /** Fission's defaults for a new trigger. */
    void applyDefaults(MessageQueueTriggerSpec spec) {
        spec.messageQueueType("kafka").maxRetries(0).contentType("application/json")
                .pollingInterval(30).cooldownPeriod(300).minReplicaCount(0).maxReplicaCount(100).mqtKind("keda");
    }

    boolean anyGiven() {
        return function.given() || queueType != null || topic != null || responseTopic != null || errorTopic != null
                || maxRetries != null || contentType != null || pollingInterval != null || cooldownPeriod != null
                || minReplicaCount != null || maxReplicaCount != null || metadata != null || secret != null || kind != null;
    }

    /** Sets the fields whose flags were given; --metadata adds to the settings already there. */
    void applyTo(MessageQueueTriggerSpec spec) {
        if (function.given()) spec.functionRef(function.reference());
        if (queueType != null) spec.messageQueueType(queueType);
        if (topic != null) spec.topic(topic);
        if (responseTopic != null) spec.respTopic(responseTopic);
        if (errorTopic != null) spec.errorTopic(errorTopic);
        if (maxRetries != null) spec.maxRetries(maxRetries);
        if (contentType != null) spec.contentType(contentType);
        if (pollingInterval != null) spec.pollingInterval(pollingInterval);
        if (cooldownPeriod != null) spec.cooldownPeriod(cooldownPeriod);
        if (minReplicaCount != null) spec.minReplicaCount(minReplicaCount);
        if (maxReplicaCount != null) spec.maxReplicaCount(maxReplicaCount);
        if (secret != null) spec.secret(secret);
        if (kind != null) spec.mqtKind(kind);
        if (metadata != null) {
            Map<String, String> merged = spec.metadata() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(spec.metadata());
            merged.putAll(KeyValues.parse("--metadata", metadata));
            spec.metadata(merged);
        }
        if (spec.topic() != null && spec.topic().equals(spec.respTopic())) {
            throw new CliException("--topic and --resptopic must differ: a function's responses would be read back as requests");
        }
    }
}
