package io.fissile.triggers.mq;

import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/** One trigger's counts; they outlive its consumers, so an update of the trigger does not reset them. */
final class TriggerCounters {
    private final String namespace;
    private final String name;
    final AtomicLong processed = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    private volatile OptionalLong lag = OptionalLong.empty();

    TriggerCounters(String namespace, String name) {
        this.namespace = namespace;
        this.name = name;
    }

    void lag(OptionalLong lag) {
        this.lag = lag;
    }

    TriggerCounts snapshot() {
        return new TriggerCounts(namespace, name, processed.get(), failed.get(), retried.get(), lag);
    }
}
