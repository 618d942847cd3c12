package io.fissile.kubernetes.watch;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.api.Codec;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.kubernetes.WatchDeliveryPolicy;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import io.fissile.triggers.FunctionInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps one {@link TriggerSubscription} per stored KubernetesWatchTrigger: a new trigger starts
 * watching, a changed one is re-subscribed (hearing the current objects as ADDED again, as
 * Fission's restarted watch does), a deleted one stops at once.
 */
public final class WatchTriggerReconciler implements InformerListener<KubernetesWatchTrigger>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WatchTriggerReconciler.class);

    private record TriggerKey(String namespace, String name) {
        static TriggerKey of(KubernetesWatchTrigger t) {
            return new TriggerKey(t.namespace(), t.name());
        }
    }

    private final Informer<KubernetesWatchTrigger> triggers;
    private final SharedInformers informers;
    private final EventPoster poster;
    private final Map<TriggerKey, TriggerSubscription> subscriptions = new HashMap<>();
    private boolean closed;

    private WatchTriggerReconciler(KubernetesClient client, Informer<KubernetesWatchTrigger> triggers,
                                   FunctionInvoker invoker, WatchDeliveryPolicy policy) {
        this.triggers = triggers;
        this.informers = new SharedInformers(client);
        this.poster = new EventPoster(invoker, client.getKubernetesSerialization(), policy);
    }

    /** Subscribes every trigger the informer knows and follows its changes until closed. */
    public static WatchTriggerReconciler start(KubernetesClient client, Informer<KubernetesWatchTrigger> triggers,
                                               FunctionInvoker invoker, WatchDeliveryPolicy policy) {
        WatchTriggerReconciler reconciler = new WatchTriggerReconciler(client, triggers, invoker, policy);
        triggers.addListener(reconciler);
        return reconciler;
    }

    @Override
    public synchronized void onAdd(KubernetesWatchTrigger trigger) {
        subscribe(trigger);
    }

    @Override
    public synchronized void onUpdate(KubernetesWatchTrigger before, KubernetesWatchTrigger now) {
        if (subscriptions.containsKey(TriggerKey.of(now)) && Codec.sameContent(before.spec(), now.spec())) return;
        unsubscribe(TriggerKey.of(before));
        subscribe(now);
    }

    @Override
    public synchronized void onDelete(KubernetesWatchTrigger last) {
        unsubscribe(TriggerKey.of(last));
    }

    /** How many (namespace, kind) informers run now; one per pair however many triggers share it. */
    public synchronized int runningInformers() {
        return informers.running();
    }

    private void subscribe(KubernetesWatchTrigger trigger) {
        if (closed) return;
        WatchTarget target;
        try {
            target = WatchTarget.of(trigger);
        } catch (IllegalArgumentException e) {
            log.error("watch trigger {}/{} is not watched: {}", trigger.namespace(), trigger.name(), e.getMessage());
            return;
        }
        TriggerSubscription subscription = new TriggerSubscription(target, poster);
        subscriptions.put(TriggerKey.of(trigger), subscription);
        informers.add(target.namespace(), target.kind(), subscription);
        log.info("watch trigger {}: {} in namespace {} with labels {} -> function {}", target.describe(),
                target.kind(), target.namespace(), target.labels(), target.function());
    }

    private void unsubscribe(TriggerKey key) {
        TriggerSubscription subscription = subscriptions.remove(key);
        if (subscription == null) return;
        subscription.close();
        informers.remove(subscription.target().namespace(), subscription.target().kind(), subscription);
        log.info("watch trigger {} removed", subscription.target().describe());
    }

    @Override
    public synchronized void close() {
        closed = true;
        triggers.removeListener(this);
        subscriptions.values().forEach(TriggerSubscription::close);
        subscriptions.clear();
        informers.close();
    }
}
