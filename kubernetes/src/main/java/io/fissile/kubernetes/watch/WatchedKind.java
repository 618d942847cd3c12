package io.fissile.kubernetes.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The kinds of Kubernetes object a watch trigger may watch, by the names Fission accepts in
 * {@code spec.type} (any case), with the {@code X-Kubernetes-Object-Type} header value Fission sends
 * (the Go type's name, e.g. {@code Pod}).
 */
public enum WatchedKind {
    POD("Pod", (client, ns) -> client.pods().inNamespace(ns).runnableInformer(0)),
    SERVICE("Service", (client, ns) -> client.services().inNamespace(ns).runnableInformer(0)),
    REPLICATIONCONTROLLER("ReplicationController", (client, ns) -> client.replicationControllers().inNamespace(ns).runnableInformer(0)),
    JOB("Job", (client, ns) -> client.batch().v1().jobs().inNamespace(ns).runnableInformer(0));

    private final String objectType;
    private final BiFunction<KubernetesClient, String, SharedIndexInformer<? extends HasMetadata>> informer;

    WatchedKind(String objectType, BiFunction<KubernetesClient, String, SharedIndexInformer<? extends HasMetadata>> informer) {
        this.objectType = objectType;
        this.informer = informer;
    }

    /** The kind a trigger's {@code spec.type} names, compared without regard to case. */
    public static Optional<WatchedKind> of(String type) {
        if (type == null) return Optional.empty();
        String upper = type.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
    }

    /** The value of the {@code X-Kubernetes-Object-Type} header. */
    public String objectType() {
        return objectType;
    }

    /** An informer on every object of this kind in a namespace, not yet running; no periodic resync. */
    @SuppressWarnings("unchecked")
    SharedIndexInformer<HasMetadata> newInformer(KubernetesClient client, String namespace) {
        return (SharedIndexInformer<HasMetadata>) informer.apply(client, namespace);
    }
}
