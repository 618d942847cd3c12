package io.fissile.triggers.mq.kafka;

import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.BrokerSettings;
import io.fissile.triggers.mq.spi.InvalidBrokerSettingsException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client properties a trigger's metadata and secret ask for, with KEDA's Kafka scaler key names:
 * {@code bootstrapServers} (metadata); {@code sasl} ({@code plaintext}, {@code scram_sha256},
 * {@code scram_sha512}) with {@code username} and {@code password}; {@code tls} ({@code enable}) with
 * {@code ca}, and {@code cert} plus {@code key} for a client certificate (PEM). Each is read from the
 * secret first, then from the metadata.
 */
final class KafkaClientSettings {
    private KafkaClientSettings() {
    }

    static String bootstrapServers(BrokerSettings settings) throws BrokerException {
        String servers = settings.metadata("bootstrapServers", null);
        if (servers == null) {
            throw new InvalidBrokerSettingsException("metadata.bootstrapServers is required for a kafka trigger (e.g. bootstrapServers=127.0.0.1:9092)");
        }
        return servers;
    }

    /** Bootstrap servers and security settings, common to the consumer and the producer. */
    static Map<String, Object> common(BrokerSettings settings) throws BrokerException {
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(settings));
        String sasl = value(settings, "sasl", "none").toLowerCase(Locale.ROOT);
        boolean tls = value(settings, "tls", "disable").equalsIgnoreCase("enable");
        boolean saslOn = !sasl.equals("none");
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                saslOn ? (tls ? "SASL_SSL" : "SASL_PLAINTEXT") : (tls ? "SSL" : "PLAINTEXT"));
        if (saslOn) {
            String username = value(settings, "username", null);
            String password = value(settings, "password", null);
            if (username == null || password == null) {
                throw new InvalidBrokerSettingsException("sasl " + sasl + " needs username and password in the trigger's secret");
            }
            String module = switch (sasl) {
                case "plaintext" -> {
                    props.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
                    yield "org.apache.kafka.common.security.plain.PlainLoginModule";
                }
                case "scram_sha256" -> {
                    props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-256");
                    yield "org.apache.kafka.common.security.scram.ScramLoginModule";
                }
                case "scram_sha512" -> {
                    props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
                    yield "org.apache.kafka.common.security.scram.ScramLoginModule";
                }
                default -> throw new InvalidBrokerSettingsException("sasl \"" + sasl
                        + "\" is not supported; use plaintext, scram_sha256 or scram_sha512");
            };
            props.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaasEscaped(username)
                    + "\" password=\"" + jaasEscaped(password) + "\";");
        }
        if (tls) {
            String ca = value(settings, "ca", null);
            if (ca != null) {
                props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
                props.put(SslConfigs.SSL_TRUSTSTORE_CERTIFICATES_CONFIG, ca);
            }
            String cert = value(settings, "cert", null);
            String key = value(settings, "key", null);
            if (cert != null && key != null) {
                props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PEM");
                props.put(SslConfigs.SSL_KEYSTORE_CERTIFICATE_CHAIN_CONFIG, cert);
                props.put(SslConfigs.SSL_KEYSTORE_KEY_CONFIG, key);
                String keyPassword = value(settings, "keyPassword", null);
                if (keyPassword != null) props.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, keyPassword);
            }
        }
        return props;
    }

    private static String value(BrokerSettings settings, String key, String fallback) {
        String secret = settings.secret().get(key);
        if (secret != null && !secret.isBlank()) return secret.strip();
        return settings.metadata(key, fallback);
    }

    private static String jaasEscaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
