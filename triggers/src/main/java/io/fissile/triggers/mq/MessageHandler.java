package io.fissile.triggers.mq;

import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.MessageQueueTrigger;
import io.fissile.api.v1.MessageQueueTriggerSpec;
import io.fissile.triggers.FunctionInvoker;
import io.fissile.triggers.MessageQueueTriggerOptions;
import io.fissile.triggers.mq.spi.BrokerConnection;
import io.fissile.triggers.mq.spi.BrokerException;
import io.fissile.triggers.mq.spi.Delivery;
import io.fissile.triggers.mq.spi.OutgoingMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Handles one message of one trigger, as Fission does: POST it to the function with the message's
 * headers and the trigger's, retry a failure up to {@code maxRetries} times, publish the answer to
 * {@code respTopic} or the error to {@code errorTopic}, and acknowledge the message only then.
 */
final class MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);
    static final String DEFAULT_CONTENT_TYPE = "application/json";
    static final String TOPIC_HEADER = "X-Fission-MQTrigger-Topic";
    static final String RESPONSE_TOPIC_HEADER = "X-Fission-MQTrigger-RespTopic";
    static final String ERROR_TOPIC_HEADER = "X-Fission-MQTrigger-ErrorTopic";
    /** Names Java's HTTP client sets itself and refuses from callers, and hop-by-hop ones that must not travel on. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "date");
    private static final int ERROR_BODY_LIMIT = 1000;

    private final MessageQueueTrigger trigger;
    private final MessageQueueTriggerSpec spec;
    private final FunctionInvoker invoker;
    private final MessageQueueTriggerOptions options;
    private final TriggerCounters counters;

    MessageHandler(MessageQueueTrigger trigger, FunctionInvoker invoker, MessageQueueTriggerOptions options,
                   TriggerCounters counters) {
        this.trigger = trigger;
        this.spec = trigger.spec();
        this.invoker = invoker;
        this.options = options;
        this.counters = counters;
    }

    /**
     * Calls the function for the message, records the outcome and acknowledges the message.
     *
     * @throws BrokerException when the outcome cannot be published or the message acknowledged: the
     *                         message stays unacknowledged and will come again
     */
    void handle(BrokerConnection connection, Delivery delivery) throws BrokerException, InterruptedException {
        String function = functionName();
        Map<String, String> headers = requestHeaders(delivery);
        int maxRetries = spec.maxRetries() == null ? 0 : Math.max(0, spec.maxRetries());
        FunctionInvoker.Result success = null;
        String failure = null;
        for (int attempt = 0; attempt <= maxRetries && success == null; attempt++) {
            if (attempt > 0) {
                counters.retried.incrementAndGet();
                Thread.sleep(options.retryPause());
            }
            try {
                FunctionInvoker.Result result = invoker.invoke(trigger.namespace(), function, "POST", "", headers,
                        delivery.body(), options.callTimeout());
                if (result.succeeded()) success = result;
                else failure = "function \"" + function + "\" answered HTTP " + result.status() + bodyExcerpt(result.body());
            } catch (IOException e) {
                failure = "function \"" + function + "\" could not be called: " + e;
            }
        }
        if (success != null) {
            if (hasText(spec.respTopic())) {
                connection.publish(spec.respTopic(), new OutgoingMessage(success.body(),
                        success.headers().get("Content-Type"), forwardable(success.headers())));
            }
        } else {
            counters.failed.incrementAndGet();
            String error = failure + " (after " + (maxRetries + 1) + (maxRetries == 0 ? " attempt)" : " attempts)");
            if (hasText(spec.errorTopic())) {
                log.info("message queue trigger {}/{}: {}; publishing the error to {}", trigger.namespace(), trigger.name(),
                        error, spec.errorTopic());
                connection.publish(spec.errorTopic(), new OutgoingMessage(error.getBytes(StandardCharsets.UTF_8),
                        "text/plain; charset=utf-8", errorHeaders(delivery)));
            } else {
                log.warn("message queue trigger {}/{}: {}; it has no errorTopic, so the error is only logged",
                        trigger.namespace(), trigger.name(), error);
            }
        }
        delivery.acknowledge();
        counters.processed.incrementAndGet();
    }

    /** The function to call: the named one, or one picked by weight for {@code function-weights}. */
    private String functionName() {
        FunctionReference ref = spec.functionRef();
        if (!FunctionReference.TYPE_FUNCTION_WEIGHTS.equals(ref.effectiveType()) || ref.functionWeights() == null
                || ref.functionWeights().isEmpty()) {
            return ref.name();
        }
        int total = ref.functionWeights().values().stream().mapToInt(w -> Math.max(0, w)).sum();
        int pick = total <= 0 ? 0 : ThreadLocalRandom.current().nextInt(total);
        for (Map.Entry<String, Integer> entry : new TreeMap<>(ref.functionWeights()).entrySet()) {
            pick -= Math.max(0, entry.getValue());
            if (pick < 0) return entry.getKey();
        }
        return ref.functionWeights().keySet().iterator().next();
    }

    /** The message's own headers, then the trigger's (which win), as Fission sends them. */
    private Map<String, String> requestHeaders(Delivery delivery) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(forwardable(delivery.headers()));
        headers.put(TOPIC_HEADER, orEmpty(spec.topic()));
        headers.put(RESPONSE_TOPIC_HEADER, orEmpty(spec.respTopic()));
        headers.put(ERROR_TOPIC_HEADER, orEmpty(spec.errorTopic()));
        headers.put("Content-Type", hasText(spec.contentType()) ? spec.contentType() : DEFAULT_CONTENT_TYPE);
        return headers;
    }

    /** Fission's {@code MessageSource} header, and the message's own headers so the error can be matched to it. */
    private Map<String, String> errorHeaders(Delivery delivery) {
        Map<String, String> headers = new LinkedHashMap<>(forwardable(delivery.headers()));
        headers.put("MessageSource", orEmpty(spec.topic()));
        return headers;
    }

    private static Map<String, String> forwardable(Map<String, String> headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name != null && !name.isBlank() && value != null && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))
                    && name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')
                    && value.chars().noneMatch(c -> c == '\r' || c == '\n')) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    private static String bodyExcerpt(byte[] body) {
        if (body == null || body.length == 0) return "";
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > ERROR_BODY_LIMIT) text = text.substring(0, ERROR_BODY_LIMIT) + "…";
        return text.isEmpty() ? "" : ": " + text;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
