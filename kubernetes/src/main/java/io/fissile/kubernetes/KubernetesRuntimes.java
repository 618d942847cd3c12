package io.fissile.kubernetes;

import io.fissile.api.v1.Environment;
import io.fissile.kubernetes.runtime.KubernetesInstanceRuntime;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.store.Informer;

/**
 * Function instances as pods: the {@link InstanceRuntime} the executor runs on in Kubernetes mode.
 * Environments get pool Deployments of generic pods (taken out by relabelling and specialized through
 * their fetcher sidecar), newdeploy and container functions get a Deployment and a Service each, whose
 * replicas the executor's autoscaler drives. Hand it to {@code FunctionExecutors.start} as the runtime.
 *
 * <pre>{@code
 * InstanceRuntime runtime = KubernetesRuntimes.start(
 *         KubernetesRuntimeOptions.of(client, "http://fissile-controller.fissile"), environmentInformer);
 * }</pre>
 */
public final class KubernetesRuntimes {

    private KubernetesRuntimes() {
    }

    /** Removes what a previous executor left, then runs instances as pods; only the leader should run one. */
    public static InstanceRuntime start(KubernetesRuntimeOptions options, Informer<Environment> environments) {
        return KubernetesInstanceRuntime.create(options, environments);
    }
}
