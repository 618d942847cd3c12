package io.fissile.metrics.meters;

import io.fissile.triggers.MessageQueueTriggerStats;
import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Each message queue trigger's counts: {@code fissile_mqtrigger_messages_processed_total},
 * {@code _failed_total}, {@code _retried_total} and the gauge {@code fissile_mqtrigger_consumer_lag},
 * labelled {@code trigger_namespace}, {@code trigger_name}. Triggers come and go, so each
 * {@link #refresh} reads the counts once and adds or removes each trigger's meters.
 */
public final class MessageQueueTriggerMeters {
    private static final String PROCESSED = "fissile.mqtrigger.messages.processed";
    private static final String FAILED = "fissile.mqtrigger.messages.failed";
    private static final String RETRIED = "fissile.mqtrigger.messages.retried";

    private final MeterRegistry registry;
    private final MessageQueueTriggerStats stats;
    private final MultiGauge lag;
    /** The counts of the last refresh, which the counters read. */
    private volatile Map<TriggerKey, TriggerCounts> current = Map.of();
    private final Map<TriggerKey, List<FunctionCounter>> counters = new HashMap<>();

    public MessageQueueTriggerMeters(MeterRegistry registry, MessageQueueTriggerStats stats) {
        this.registry = registry;
        this.stats = stats;
        this.lag = MultiGauge.builder("fissile.mqtrigger.consumer.lag")
                .description("Messages waiting for the trigger's consumer, as the broker tells")
                .register(registry);
    }

    /** Reads the triggers now; called before each scrape, one at a time. */
    public void refresh() {
        Map<TriggerKey, TriggerCounts> now = new HashMap<>();
        for (TriggerCounts counts : stats.triggers()) now.put(new TriggerKey(counts.namespace(), counts.name()), counts);
        current = now;
        counters.entrySet().removeIf(entry -> {
            if (now.containsKey(entry.getKey())) return false;
            entry.getValue().forEach(registry::remove);
            return true;
        });
        now.keySet().forEach(key -> counters.computeIfAbsent(key, this::register));
        lag.register(now.values().stream()
                .filter(counts -> counts.lag().isPresent())
                .map(counts -> MultiGauge.Row.of(new TriggerKey(counts.namespace(), counts.name()).tags(),
                        (Number) counts.lag().getAsLong()))
                .toList(), true);
    }

    private List<FunctionCounter> register(TriggerKey key) {
        return List.of(
                counter(key, PROCESSED, "Messages handled to the end and acknowledged, whatever the function answered",
                        TriggerCounts::processed),
                counter(key, FAILED, "Messages the function failed on after every retry", TriggerCounts::failed),
                counter(key, RETRIED, "Function calls repeated after a failure", TriggerCounts::retried));
    }

    private FunctionCounter counter(TriggerKey key, String name, String description, ToLongFunction<TriggerCounts> value) {
        return FunctionCounter.builder(name, this, meters -> {
                    TriggerCounts counts = meters.current.get(key);
                    return counts == null ? 0 : value.applyAsLong(counts);
                })
                .description(description)
                .tags(key.tags())
                .register(registry);
    }

    private record TriggerKey(String namespace, String name) {
        Tags tags() {
            return Tags.of(Labels.TRIGGER_NAMESPACE, Labels.orEmpty(namespace), Labels.TRIGGER_NAME, Labels.orEmpty(name));
        }
    }
}
