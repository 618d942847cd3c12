package io.fissile.triggers.mq.rabbitmq;

import io.fissile.triggers.mq.spi.Broker;
import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import java.util.Set;

/**
 * {@code messageQueueType: rabbitmq}. Metadata (KEDA's keys): {@code host} (an AMQP URI),
 * {@code queueName} (default: the topic), {@code vhostName}, {@code prefetchCount}; secret:
 * {@code host} and/or {@code username}/{@code password}.
 */
public final class RabbitMqBroker implements Broker {
    public RabbitMqBroker() {
        // Found by ServiceLoader.
    }

    @Override
    public Set<String> types() {
        return Set.of("rabbitmq");
    }

    @Override
    public BrokerConnection connect(BrokerSettings settings) throws BrokerException {
        return RabbitMqConnection.open(RabbitMqSettings.from(settings));
    }
}
