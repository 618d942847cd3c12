package io.fissile.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.kubernetes.watch.WatchTriggerReconciler;
import io.fissile.store.Informer;
import io.fissile.triggers.FunctionInvoker;

/**
 * Runs the KubernetesWatchTriggers of a store (Fission's kubewatcher): for each trigger, every
 * change to the Pods, Services, ReplicationControllers or Jobs ({@code spec.type}, any case) in the
 * trigger's namespace whose labels match {@code spec.labelselector} is POSTed to the function
 * ({@code spec.functionref.name}, in the trigger's namespace) through the router's internal route:
 * <ul>
 *   <li>body: the object as JSON ({@code Content-Type: application/json});</li>
 *   <li>{@code X-Kubernetes-Event-Type}: {@code ADDED}, {@code MODIFIED} or {@code DELETED};</li>
 *   <li>{@code X-Kubernetes-Object-Type}: {@code Pod}, {@code Service}, {@code ReplicationController}
 *       or {@code Job}.</li>
 * </ul>
 * A new trigger first hears ADDED for each matching object already there. Triggers created,
 * changed or deleted in the store take effect at once. Events reach a function in the order they
 * happened; a failing function is logged and the watch goes on. Triggers watching the same
 * (namespace, type) share one Kubernetes watch.
 * <p>
 * In Kubernetes mode, run this on the elected leader only (see {@link LeaderOnly}) so that each
 * event is delivered once:
 * <pre>{@code
 * LeaderOnly.start(client, namespace, "fissile-kubewatcher",
 *         () -> KubernetesWatchTriggers.start(client, watchTriggerInformer, invoker));
 * }</pre>
 */
public final class KubernetesWatchTriggers {
    private KubernetesWatchTriggers() {
    }

    /**
     * Starts watching for every trigger the informer holds and follows its changes.
     *
     * @param client   the cluster whose objects are watched; needs list and watch on the four kinds
     * @param triggers a running informer on KubernetesWatchTriggers (the caller keeps and closes it)
     * @param invoker  calls functions through the router
     * @return stops every watch and delivery when closed
     */
    public static AutoCloseable start(KubernetesClient client, Informer<KubernetesWatchTrigger> triggers,
                                      FunctionInvoker invoker) {
        return start(client, triggers, invoker, WatchDeliveryPolicy.defaults());
    }

    /** As {@link #start(KubernetesClient, Informer, FunctionInvoker)}, with a delivery policy of the caller's. */
    public static AutoCloseable start(KubernetesClient client, Informer<KubernetesWatchTrigger> triggers,
                                      FunctionInvoker invoker, WatchDeliveryPolicy policy) {
        return WatchTriggerReconciler.start(client, triggers, invoker, policy);
    }
}
