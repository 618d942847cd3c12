package io.fissile.triggers.mq.spi;

/** One kind of broker, named by a MessageQueueTrigger's {@code messageQueueType}. */
public interface Broker {
    /** The {@code messageQueueType} values this broker serves, e.g. {@code kafka}. */
    java.util.Set<String> types();

    /**
     * Connects for one trigger and subscribes to its topic. Fails with a {@link BrokerException}
     * when the broker cannot be reached or the settings are wrong; the caller retries with back-off
     * (and reports the message), so this does not retry itself.
     */
    BrokerConnection connect(BrokerSettings settings) throws BrokerException;
}
