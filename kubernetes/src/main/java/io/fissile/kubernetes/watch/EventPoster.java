package io.fissile.kubernetes.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fissile.kubernetes.WatchDeliveryPolicy;
import io.fissile.triggers.FunctionInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one watch event to a function as Fission's kubewatcher does: a POST of the object as JSON
 * with {@code X-Kubernetes-Event-Type} and {@code X-Kubernetes-Object-Type}. A call the router
 * cannot take (no connection) is retried with a growing pause; an answer, even an error status,
 * is final. Failures are logged, never thrown, so a bad function cannot stop a watch.
 */
final class EventPoster {
    private static final Logger log = LoggerFactory.getLogger(EventPoster.class);

    static final String EVENT_TYPE_HEADER = "X-Kubernetes-Event-Type";
    static final String OBJECT_TYPE_HEADER = "X-Kubernetes-Object-Type";

    private final FunctionInvoker invoker;
    private final KubernetesSerialization serialization;
    private final WatchDeliveryPolicy policy;

    EventPoster(FunctionInvoker invoker, KubernetesSerialization serialization, WatchDeliveryPolicy policy) {
        this.invoker = invoker;
        this.serialization = serialization;
        this.policy = policy;
    }

    /** @return whether the function answered with a 2xx status */
    boolean post(WatchTarget target, String eventType, HasMetadata object) throws InterruptedException {
        byte[] body = serialization.asJson(object).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of(
                "Content-Type", "application/json",
                EVENT_TYPE_HEADER, eventType,
                OBJECT_TYPE_HEADER, target.kind().objectType());
        String what = eventType + " " + target.kind().objectType() + " " + object.getMetadata().getName();
        Duration pause = policy.firstRetryPause();
        for (int attempt = 1; ; attempt++) {
            try {
                FunctionInvoker.Result result = invoker.invoke(target.triggerNamespace(), target.function(), "POST", "",
                        headers, body, policy.callTimeout());
                if (result.succeeded()) {
                    log.debug("watch {}: {} -> function {} answered {}", target.describe(), what, target.function(), result.status());
                    return true;
                }
                log.warn("watch {}: function {} answered {} to {}: {}", target.describe(), target.function(),
                        result.status(), what, abbreviated(result.bodyAsString()));
                return false;
            } catch (IOException e) {
                if (attempt >= policy.attempts()) {
                    log.error("watch {}: giving up on {} after {} attempts: {}", target.describe(), what, attempt, e.toString());
                    return false;
                }
                log.info("watch {}: cannot call function {} ({}); retrying in {} ms", target.describe(), target.function(),
                        e.toString(), pause.toMillis());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
