package io.fissile.triggers.mq.nats;

import io.fissile.triggers.mq.spi.Broker;
import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import java.util.Set;

/**
 * {@code messageQueueType: nats-jetstream}. Metadata: {@code natsServer} (the client URL),
 * optional {@code stream}, {@code fissionConsumer} (or {@code consumer}), {@code createStream},
 * {@code ackWait}; secret: {@code username}/{@code password} or {@code token}.
 */
public final class NatsJetStreamBroker implements Broker {
    public NatsJetStreamBroker() {
        // Found by ServiceLoader.
    }

    @Override
    public Set<String> types() {
        return Set.of("nats-jetstream");
    }

    @Override
    public BrokerConnection connect(BrokerSettings settings) throws BrokerException {
        return NatsJetStreamConnection.open(NatsJetStreamSettings.from(settings));
    }
}
