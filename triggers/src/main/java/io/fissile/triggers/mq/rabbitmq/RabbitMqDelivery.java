package io.fissile.triggers.mq.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.Delivery;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One message from the queue, acknowledged on the channel it came from. */
final class RabbitMqDelivery implements Delivery {
    private final Channel channel;
    private final long deliveryTag;
    private final String queue;
    private final byte[] body;
    private final Map<String, String> headers;

    RabbitMqDelivery(Channel channel, long deliveryTag, String queue, AMQP.BasicProperties properties, byte[] body) {
        this.channel = channel;
        this.deliveryTag = deliveryTag;
        this.queue = queue;
        this.body = body == null ? new byte[0] : body;
        this.headers = headersOf(properties == null ? null : properties.getHeaders());
    }

    @Override
    public String topic() {
        return queue;
    }

    @Override
    public byte[] body() {
        return body;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public void acknowledge() throws BrokerException {
        try {
            channel.basicAck(deliveryTag, false);
        } catch (Exception e) {
            throw new BrokerException("cannot acknowledge RabbitMQ message from queue '" + queue + "': " + e.getMessage(), e);
        }
    }

    /** AMQP header values are typed (long strings, numbers, booleans, tables); triggers pass them on as text. */
    private static Map<String, String> headersOf(Map<String, Object> amqpHeaders) {
        Map<String, String> result = new LinkedHashMap<>();
        if (amqpHeaders != null) {
            amqpHeaders.forEach((key, value) -> {
                if (value != null) {
                    result.put(key, value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString());
                }
            });
        }
        return Map.copyOf(result);
    }
}
