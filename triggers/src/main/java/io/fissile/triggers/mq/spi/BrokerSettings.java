package io.fissile.triggers.mq.spi;

import java.util.Map;

/**
 * How to reach the broker for one trigger.
 *
 * @param consumerName a stable name for this trigger's subscription (consumer group, durable
 *                     consumer, queue), {@code <namespace>-<trigger name>} unless metadata names one
 * @param topic        the trigger's {@code topic}
 * @param metadata     the trigger's {@code metadata}, KEDA's key names where KEDA has them
 * @param secret       the keys and values of the trigger's {@code secret}, empty when it names none
 * @param pollingIntervalMillis the trigger's {@code pollingInterval} in milliseconds, for brokers that poll
 */
public record BrokerSettings(String consumerName, String topic, Map<String, String> metadata,
                             Map<String, String> secret, long pollingIntervalMillis) {
    public BrokerSettings {
        metadata = Map.copyOf(metadata);
        secret = Map.copyOf(secret);
    }

    /** A metadata value, or the fallback; a blank value counts as absent. */
    public String metadata(String key, String fallback) {
        String value = metadata.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
