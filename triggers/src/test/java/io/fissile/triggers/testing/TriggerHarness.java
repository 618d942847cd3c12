package io.fissile.triggers.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.MessageQueueTriggerSpec;
import io.fissile.api.v1.Secret;
import io.fissile.store.Informer;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.fissile.triggers.FunctionInvoker;
import io.fissile.triggers.MessageQueueTriggerOptions;
import io.fissile.triggers.MessageQueueTriggerStats.TriggerCounts;
import io.fissile.triggers.MessageQueueTriggers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Message queue triggers as the server runs them (a real store, the installed brokers) calling a
 * {@link RouterStandIn}, for end-to-end tests of one broker type: create triggers, watch their status
 * and counts.
 */
public final class TriggerHarness implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final String queueType;
    private final Map<String, String> metadata;
    private final RouterStandIn router;
    private final SqliteResourceStore store;
    private final Informer<MessageQueueTrigger> triggers;
    private final Informer<Secret> secrets;
    private final MessageQueueTriggers mq;

    private TriggerHarness(String queueType, Map<String, String> metadata, Path data) throws IOException {
        this.queueType = queueType;
        this.metadata = Map.copyOf(metadata);
        this.router = RouterStandIn.start();
        this.store = SqliteResourceStore.open(data.resolve("fissile.db"));
        this.triggers = Informer.start(store, Kinds.MESSAGE_QUEUE_TRIGGER);
        this.secrets = Informer.start(store, Kinds.SECRET);
        this.mq = MessageQueueTriggers.start(store, triggers, secrets, new FunctionInvoker(router.url()),
                MessageQueueTriggers.installedBrokers(),
                MessageQueueTriggerOptions.defaults().withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)));
    }

    /** Triggers of this {@code messageQueueType}, each created with this metadata (plus its own). */
    public static TriggerHarness start(String queueType, Map<String, String> metadata, Path data) throws IOException {
        return new TriggerHarness(queueType, metadata, data);
    }

    public RouterStandIn router() {
        return router;
    }

    /** The store the triggers follow, for tests that update or delete triggers or write their secrets. */
    public SqliteResourceStore store() {
        return store;
    }

    /** Counts of every trigger the triggers know. */
    public java.util.List<TriggerCounts> allCounts() {
        return mq.stats().triggers();
    }

    /** Stores a trigger in namespace default; the spec customizer sets function, topics and the rest. */
    public void createTrigger(String name, Consumer<MessageQueueTriggerSpec> spec) {
        MessageQueueTrigger trigger = Kinds.MESSAGE_QUEUE_TRIGGER.create("default", name);
        trigger.spec().messageQueueType(queueType).mqtKind("keda").metadata(metadata);
        spec.accept(trigger.spec());
        store.create(trigger);
    }

    public void awaitState(String trigger, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(status(trigger, "state"))
                .as(trigger + ": " + status(trigger, "message")).isEqualTo(state));
    }

    public String status(String trigger, String field) {
        MessageQueueTrigger stored = store.get(Kinds.MESSAGE_QUEUE_TRIGGER, "default", trigger).orElseThrow();
        return stored.status() == null ? null : (String) stored.status().unknownField(field);
    }

    public TriggerCounts counts(String trigger) {
        return mq.stats().triggers().stream().filter(c -> c.name().equals(trigger)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        mq.close();
        triggers.close();
        secrets.close();
        store.close();
        router.close();
    }
}
