package io.fissile.triggers.mq.nats;

import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trigger's NATS JetStream settings, read from its metadata (Fission's connector keys first, then
 * the variants people write) and its secret.
 *
 * @param serverUrl  where to connect, e.g. {@code nats://nats:4222}
 * @param topic      the subject to consume
 * @param stream     the stream to consume from; empty means the stream that captures the topic
 * @param consumer   the durable consumer's name
 * @param createStream whether a missing stream may be created (capturing the topic)
 * @param ackWait    how long the server waits for an acknowledgement before delivering again
 */
record NatsJetStreamSettings(String serverUrl, String topic, Optional<String> stream, String consumer,
                             boolean createStream, Duration ackWait, Credentials credentials) {

    static final List<String> SERVER_KEYS = List.of("natsServer", "natsServerURL", "natsServerUrl", "natsURL", "servers");
    static final List<String> CONSUMER_KEYS = List.of("fissionConsumer", "consumer", "durableName");
    static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);

    /** User and password, or a token, or nothing (then the URL may carry them). */
    record Credentials(Optional<String> user, Optional<String> password, Optional<String> token) {
    }

    static NatsJetStreamSettings from(BrokerSettings settings) throws BrokerException {
        String serverUrl = first(settings.metadata(), SERVER_KEYS)
                .orElseThrow(() -> new InvalidBrokerSettingsException("nats-jetstream trigger needs metadata natsServer "
                        + "(the server URL, e.g. nats://127.0.0.1:4222)"));
        if (settings.topic() == null || settings.topic().isBlank()) {
            throw new InvalidBrokerSettingsException("nats-jetstream trigger needs a topic (the subject to consume)");
        }
        String consumer = first(settings.metadata(), CONSUMER_KEYS).orElse(settings.consumerName());
        if (!consumer.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidBrokerSettingsException("metadata fissionConsumer '" + consumer
                    + "' is not a valid durable consumer name (letters, digits, '_' and '-' only)");
        }
        Optional<String> stream = first(settings.metadata(), List.of("stream"));
        if (stream.isPresent() && !stream.get().matches("[A-Za-z0-9_-]+")) {
            throw new InvalidBrokerSettingsException("metadata stream '" + stream.get()
                    + "' is not a valid stream name (letters, digits, '_' and '-' only)");
        }
        String create = settings.metadata("createStream", "true");
        if (!create.equalsIgnoreCase("true") && !create.equalsIgnoreCase("false")) {
            throw new InvalidBrokerSettingsException("metadata createStream must be true or false, not '" + create + "'");
        }
        Duration ackWait = settings.metadata().containsKey("ackWait")
                ? parseDuration("ackWait", settings.metadata("ackWait", "30s")) : DEFAULT_ACK_WAIT;
        Map<String, String> secret = settings.secret();
        Credentials credentials = new Credentials(first(secret, List.of("username", "user")),
                first(secret, List.of("password")), first(secret, List.of("token")));
        return new NatsJetStreamSettings(serverUrl, settings.topic(), stream, consumer,
                Boolean.parseBoolean(create), ackWait, credentials);
    }

    /** Seconds as a bare number, or a number with ms, s, m or h. */
    static Duration parseDuration(String key, String text) throws BrokerException {
        var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(text.trim());
        if (!matcher.matches()) {
            throw new InvalidBrokerSettingsException("metadata " + key + " must be a duration like 30s, 500ms or 2m, not '" + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        Duration duration = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (duration.toMillis() < 1000) {
            throw new InvalidBrokerSettingsException("metadata " + key + " must be at least 1s, not '" + text + "'");
        }
        return duration;
    }

    private static Optional<String> first(Map<String, String> values, List<String> keys) {
        return keys.stream().map(values::get).filter(v -> v != null && !v.isBlank()).findFirst();
    }
}
