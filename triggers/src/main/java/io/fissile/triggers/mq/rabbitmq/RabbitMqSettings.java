package io.fissile.triggers.mq.rabbitmq;

import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A trigger's RabbitMQ settings, with KEDA's key names: metadata {@code host} (an AMQP URI),
 * {@code queueName}, {@code vhostName}; the secret may hold {@code host} (KEDA lets the URI with its
 * password live there) and {@code username}/{@code password}.
 *
 * @param uri      the AMQP URI to connect to
 * @param queue    the queue to consume
 * @param vhost    overrides the URI's virtual host when present
 * @param prefetch how many unacknowledged messages the broker may hand over at once
 */
record RabbitMqSettings(URI uri, String queue, Optional<String> vhost, Optional<String> username,
                        Optional<String> password, int prefetch) {
    static final int DEFAULT_PREFETCH = 10;

    static RabbitMqSettings from(BrokerSettings settings) throws BrokerException {
        String host = nonBlank(settings.secret().get("host"))
                .or(() -> nonBlank(settings.metadata().get("host")))
                .orElseThrow(() -> new InvalidBrokerSettingsException("rabbitmq trigger needs metadata host "
                        + "(an AMQP URI, e.g. amqp://user:password@rabbitmq:5672/vhost) or host in its secret"));
        URI uri;
        try {
            uri = new URI(host);
        } catch (URISyntaxException e) {
            throw new InvalidBrokerSettingsException("host is not an AMQP URI: " + e.getMessage(), e);
        }
        if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidBrokerSettingsException("host must be an amqp:// or amqps:// URI with a host name, not '" + redacted(uri) + "'");
        }
        String queue = settings.metadata("queueName", settings.topic());
        if (queue == null || queue.isBlank()) {
            throw new InvalidBrokerSettingsException("rabbitmq trigger needs metadata queueName or a topic (the queue to consume)");
        }
        String prefetchText = settings.metadata("prefetchCount", String.valueOf(DEFAULT_PREFETCH));
        int prefetch;
        try {
            prefetch = Integer.parseInt(prefetchText.trim());
        } catch (NumberFormatException e) {
            prefetch = -1;
        }
        if (prefetch < 1 || prefetch > 1000) {
            throw new InvalidBrokerSettingsException("metadata prefetchCount must be a number from 1 to 1000, not '" + prefetchText + "'");
        }
        return new RabbitMqSettings(uri, queue, nonBlank(settings.metadata().get("vhostName")),
                nonBlank(settings.secret().get("username")), nonBlank(settings.secret().get("password")), prefetch);
    }

    /** The address for messages: the URI without its password. */
    String address() {
        return redacted(uri);
    }

    private static String redacted(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return uri.toString();
        }
        String user = userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) + ":***" : userInfo;
        return uri.toString().replace(userInfo + "@", user + "@");
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
