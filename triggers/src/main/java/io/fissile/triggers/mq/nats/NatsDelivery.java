package io.fissile.triggers.mq.nats;

import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.Delivery;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** One JetStream message; acknowledging waits until the server has recorded the ack. */
final class NatsDelivery implements Delivery {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private final Message message;
    private final Map<String, String> headers;
    private final Consumer<NatsDelivery> onAcknowledged;

    NatsDelivery(Message message, Consumer<NatsDelivery> onAcknowledged) {
        this.message = message;
        this.headers = headersOf(message.getHeaders());
        this.onAcknowledged = onAcknowledged;
    }

    @Override
    public String topic() {
        return message.getSubject();
    }

    @Override
    public byte[] body() {
        byte[] data = message.getData();
        return data == null ? new byte[0] : data;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public void acknowledge() throws BrokerException {
        try {
            message.ackSync(ACK_TIMEOUT);
            onAcknowledged.accept(this);
        } catch (TimeoutException | RuntimeException e) {
            throw new BrokerException("cannot acknowledge NATS message on '" + topic() + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while acknowledging a NATS message", e);
        }
    }

    /** Restarts the server's ack wait for this message. */
    void stillWorking() {
        message.inProgress();
    }

    /** Asks the server to deliver the message again now rather than after the ack wait. */
    void giveBack() {
        message.nak();
    }

    /** NATS headers may repeat a key; repeated values are joined with commas, as HTTP does. */
    private static Map<String, String> headersOf(Headers natsHeaders) {
        Map<String, String> result = new LinkedHashMap<>();
        if (natsHeaders != null) {
            for (String key : natsHeaders.keySet()) {
                result.put(key, String.join(",", natsHeaders.get(key)));
            }
        }
        return Map.copyOf(result);
    }
}
