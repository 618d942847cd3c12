package io.fissile.triggers.mq;

import io.fissile.api.Codec;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.Secret;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import io.fissile.store.ResourceStore;
import io.fissile.triggers.FunctionInvoker;
import io.fissile.triggers.MessageQueueTriggerOptions;
import io.fissile.triggers.MessageQueueTriggerStats;
import io.fissile.triggers.mq.spi.Broker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one consumer running per MessageQueueTrigger, following the store: a new trigger starts
 * one, a changed spec (or a change to the secret it names) replaces it, a deleted trigger stops it.
 * Status-only writes (the consumers' own reports) change nothing.
 */
public final class TriggerSupervisor implements MessageQueueTriggerStats, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TriggerSupervisor.class);

    private final Informer<MessageQueueTrigger> triggers;
    private final Informer<Secret> secrets;
    private final FunctionInvoker invoker;
    private final MessageQueueTriggerOptions options;
    private final Map<String, Broker> brokersByType = new HashMap<>();
    private final TriggerSettings settings;
    private final TriggerStatusWriter status;
    private final Map<Key, TriggerConsumer> consumers = new ConcurrentHashMap<>();
    private final Map<Key, TriggerCounters> counters = new ConcurrentHashMap<>();
    private final InformerListener<MessageQueueTrigger> triggerListener = new InformerListener<>() {
        @Override
        public void onAdd(MessageQueueTrigger trigger) {
            replace(trigger);
        }

        @Override
        public void onUpdate(MessageQueueTrigger before, MessageQueueTrigger now) {
            // The consumers' own status writes change nothing they use: only a new spec restarts one.
            if (!Codec.sameContent(before.content(), now.content())) replace(now);
        }

        @Override
        public void onDelete(MessageQueueTrigger last) {
            remove(Key.of(last));
        }
    };
    private final InformerListener<Secret> secretListener = new InformerListener<>() {
        @Override
        public void onAdd(Secret secret) {
            secretChanged(secret);
        }

        @Override
        public void onUpdate(Secret before, Secret now) {
            if (!Codec.sameContent(before.content(), now.content())) secretChanged(now);
        }

        @Override
        public void onDelete(Secret last) {
            secretChanged(last);
        }
    };
    private volatile boolean closed;

    private TriggerSupervisor(ResourceStore store, Informer<MessageQueueTrigger> triggers, Informer<Secret> secrets,
                              FunctionInvoker invoker, List<Broker> brokers, MessageQueueTriggerOptions options) {
        this.triggers = triggers;
        this.secrets = secrets;
        this.invoker = invoker;
        this.options = options;
        for (Broker broker : brokers) broker.types().forEach(type -> brokersByType.putIfAbsent(type, broker));
        this.settings = new TriggerSettings(secrets);
        this.status = new TriggerStatusWriter(store);
    }

    public static TriggerSupervisor start(ResourceStore store, Informer<MessageQueueTrigger> triggers, Informer<Secret> secrets,
                                          FunctionInvoker invoker, List<Broker> brokers, MessageQueueTriggerOptions options) {
        TriggerSupervisor supervisor = new TriggerSupervisor(store, triggers, secrets, invoker, brokers, options);
        log.info("message queue triggers: brokers for {}", new TreeSet<>(supervisor.brokersByType.keySet()));
        // Secrets first: their initial onAdd calls then find no trigger to restart.
        secrets.addListener(supervisor.secretListener);
        triggers.addListener(supervisor.triggerListener);
        return supervisor;
    }

    private synchronized void replace(MessageQueueTrigger trigger) {
        if (closed) return;
        Key key = Key.of(trigger);
        TriggerConsumer previous = consumers.remove(key);
        if (previous != null) previous.stop();
        TriggerCounters count = counters.computeIfAbsent(key, k -> new TriggerCounters(k.namespace(), k.name()));
        String type = trigger.spec().messageQueueType();
        Broker broker = type == null ? null : brokersByType.get(type);
        if (broker == null) {
            String message = "messageQueueType \"" + type + "\" is not supported by this server; it supports "
                    + String.join(", ", new TreeSet<>(brokersByType.keySet()));
            log.warn("message queue trigger {}/{}: {}", key.namespace(), key.name(), message);
            status.write(key.namespace(), key.name(), generation(trigger), TriggerState.FAILED, message);
            return;
        }
        TriggerConsumer consumer = new TriggerConsumer(trigger, broker, settings, status, count, invoker, options, previous);
        consumers.put(key, consumer);
        consumer.start();
    }

    private synchronized void remove(Key key) {
        TriggerConsumer consumer = consumers.remove(key);
        if (consumer != null) consumer.stop();
        counters.remove(key);
        log.info("message queue trigger {}/{} deleted", key.namespace(), key.name());
    }

    /** A trigger naming this secret connects again with its new values (or reports it missing). */
    private void secretChanged(Secret secret) {
        for (MessageQueueTrigger trigger : triggers.list()) {
            if (trigger.namespace().equals(secret.namespace()) && Objects.equals(trigger.spec().secret(), secret.name())) {
                log.info("message queue trigger {}/{}: secret {} changed; reconnecting", trigger.namespace(), trigger.name(),
                        secret.name());
                replace(trigger);
            }
        }
    }

    @Override
    public List<TriggerCounts> triggers() {
        return counters.values().stream().map(TriggerCounters::snapshot).toList();
    }

    @Override
    public void close() {
        List<TriggerConsumer> stopping;
        synchronized (this) {
            closed = true;
            triggers.removeListener(triggerListener);
            secrets.removeListener(secretListener);
            stopping = List.copyOf(consumers.values());
            consumers.clear();
        }
        stopping.forEach(TriggerConsumer::stop);
        for (TriggerConsumer consumer : stopping) {
            try {
                consumer.awaitStopped(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        status.close();
    }

    private static long generation(MessageQueueTrigger trigger) {
        return trigger.metadata().generation() == null ? 0 : trigger.metadata().generation();
    }

    private record Key(String namespace, String name) {
        static Key of(MessageQueueTrigger trigger) {
            return new Key(trigger.namespace(), trigger.name());
        }
    }
}
