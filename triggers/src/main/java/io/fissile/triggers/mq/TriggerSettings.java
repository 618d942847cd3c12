package io.fissile.triggers.mq;

import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.MessageQueueTriggerSpec;
import io.fissile.api.v1.Secret;
import io.fissile.store.Informer;
import io.fissile.triggers.mq.spi.BrokerSettings;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Turns a trigger (and its secret) into what a broker needs to connect for it. */
final class TriggerSettings {
    private final Informer<Secret> secrets;

    TriggerSettings(Informer<Secret> secrets) {
        this.secrets = secrets;
    }

    BrokerSettings of(MessageQueueTrigger trigger) throws InvalidTriggerException {
        MessageQueueTriggerSpec spec = trigger.spec();
        long pollingMillis = spec.pollingInterval() == null ? 30_000L : spec.pollingInterval() * 1000L;
        return new BrokerSettings(trigger.namespace() + "-" + trigger.name(), spec.topic(),
                spec.metadata() == null ? Map.of() : spec.metadata(), secretValues(trigger), pollingMillis);
    }

    private Map<String, String> secretValues(MessageQueueTrigger trigger) throws InvalidTriggerException {
        String name = trigger.spec().secret();
        if (name == null || name.isBlank()) return Map.of();
        Secret secret = secrets.get(trigger.namespace(), name).orElseThrow(() -> new InvalidTriggerException(
                "secret \"" + name + "\" (spec.secret) does not exist in namespace \"" + trigger.namespace() + "\""));
        Map<String, String> values = new TreeMap<>();
        if (secret.data() != null) secret.data().forEach((k, v) -> values.put(k, new String(v, StandardCharsets.UTF_8)));
        if (secret.stringData() != null) values.putAll(secret.stringData());
        return values;
    }
}
