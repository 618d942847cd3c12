package io.fissile.triggers;

import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.Secret;
import io.fissile.store.Informer;
import io.fissile.store.ResourceStore;
import io.fissile.triggers.mq.TriggerSupervisor;
import io.fissile.triggers.mq.spi.Broker;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs every MessageQueueTrigger: one consumer per trigger, on its own thread, that takes messages
 * from the trigger's topic in order, calls the function (POST through the router's internal route),
 * publishes the answer to {@code respTopic} or, after {@code maxRetries} more attempts, the error to
 * {@code errorTopic}, and only then acknowledges the message: delivery is at least once.
 * <p>
 * Triggers created, changed or deleted in the store take effect at once. A broker that cannot be
 * reached is tried again with back-off; the trigger's {@code status} (and the log) says why it is
 * not consuming. Brokers are found with {@link ServiceLoader} ({@link Broker}): Kafka, NATS JetStream
 * and RabbitMQ ship with Fissile.
 *
 * <pre>{@code
 * MessageQueueTriggers mq = MessageQueueTriggers.start(store, triggers, secrets, new FunctionInvoker(routerUrl));
 * mq.stats().triggers();   // processed, failed, retried, lag per trigger
 * mq.close();
 * }</pre>
 */
public final class MessageQueueTriggers implements AutoCloseable {
    private final TriggerSupervisor supervisor;

    private MessageQueueTriggers(TriggerSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    /** Starts with the installed brokers and default options. */
    public static MessageQueueTriggers start(ResourceStore store, Informer<MessageQueueTrigger> triggers,
                                             Informer<Secret> secrets, FunctionInvoker invoker) {
        return start(store, triggers, secrets, invoker, installedBrokers(), MessageQueueTriggerOptions.defaults());
    }

    /** Starts every trigger already stored, then follows the store's changes. */
    public static MessageQueueTriggers start(ResourceStore store, Informer<MessageQueueTrigger> triggers,
                                             Informer<Secret> secrets, FunctionInvoker invoker, List<Broker> brokers,
                                             MessageQueueTriggerOptions options) {
        return new MessageQueueTriggers(TriggerSupervisor.start(store, triggers, secrets, invoker, brokers, options));
    }

    /** The brokers on the class path ({@code META-INF/services/io.fissile.triggers.mq.spi.Broker}). */
    public static List<Broker> installedBrokers() {
        return ServiceLoader.load(Broker.class, MessageQueueTriggers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
    }

    /** Counts per trigger, read live. */
    public MessageQueueTriggerStats stats() {
        return supervisor;
    }

    /** Stops every consumer; messages being handled are not acknowledged and will come again. */
    @Override
    public void close() {
        supervisor.close();
    }
}
