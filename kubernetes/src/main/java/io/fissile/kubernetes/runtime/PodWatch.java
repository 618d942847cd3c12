package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fissile.kubernetes.model.PodLabels;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Fissile's pods as an informer sees them, and which of them this runtime has claimed: a start waits
 * here for a ready pod nobody claimed yet that matches its selector, and claims it. A claim holds in
 * the whole cluster: the pod gets this runtime's {@link PodLabels#EXECUTOR} label by an update that
 * carries the resourceVersion seen, so that of several executors racing for one pod only one wins.
 * A pod that is deleted or ends is reported to whoever watches it.
 */
final class PodWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 25;

    private final KubernetesClient client;
    private final String identity;
    private final SharedIndexInformer<Pod> informer;
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    private final Map<String, Consumer<Pod>> endWatchers = new ConcurrentHashMap<>();
    private final Object changed = new Object();

    PodWatch(KubernetesClient client, String identity) {
        this.client = client;
        this.identity = identity;
        this.informer = client.pods().inAnyNamespace().withLabel(PodLabels.MANAGED_BY, PodLabels.FISSILE)
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Pod pod) {
                        signal();
                    }

                    @Override
                    public void onUpdate(Pod before, Pod now) {
                        if (ended(now)) end(now);
                        signal();
                    }

                    @Override
                    public void onDelete(Pod pod, boolean unknownFinalState) {
                        end(pod);
                        signal();
                    }
                });
    }

    /**
     * Claims a ready pod in {@code namespace} that no executor claimed and whose labels include
     * {@code selector}, adding {@code labels} with the claim, waiting for one up to {@code timeout};
     * empty when none came.
     */
    Optional<Pod> claim(String namespace, Map<String, String> selector, Map<String, String> labels, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            for (Pod pod : informer.getStore().list()) {
                if (namespace.equals(pod.getMetadata().getNamespace()) && matches(pod, selector) && ready(pod)
                        && !pod.getMetadata().getLabels().containsKey(PodLabels.EXECUTOR)
                        && pod.getMetadata().getDeletionTimestamp() == null && claimed.add(key(pod))) {
                    Optional<Pod> won = claimInCluster(pod, labels);
                    if (won.isPresent()) return won;
                    claimed.remove(key(pod));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) return Optional.empty();
            synchronized (changed) {
                changed.wait(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
            }
        }
    }

    /** The pod labelled as this runtime's, or empty when another executor changed or deleted it first. */
    private Optional<Pod> claimInCluster(Pod seen, Map<String, String> labels) {
        Map<String, String> added = new LinkedHashMap<>(labels);
        added.put(PodLabels.EXECUTOR, identity);
        // The resourceVersion seen stays in the update: the API server refuses it (409) if the pod changed since.
        Pod labelled = new PodBuilder(seen).editMetadata().addToLabels(added).endMetadata().build();
        try {
            return Optional.of(client.pods().inNamespace(seen.getMetadata().getNamespace()).resource(labelled).update());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Calls {@code onEnd} once when the pod is deleted or its phase ends. */
    void onEnd(Pod pod, Consumer<Pod> onEnd) {
        endWatchers.put(key(pod), onEnd);
        Pod current = informer.getStore().getByKey(key(pod));
        if (current == null || ended(current)) end(pod);
    }

    /** The pod as last seen, if it still exists. */
    Optional<Pod> current(String namespace, String name) {
        return Optional.ofNullable(informer.getStore().getByKey(namespace + "/" + name));
    }

    @Override
    public void close() {
        informer.close();
    }

    private void end(Pod pod) {
        claimed.remove(key(pod));
        Consumer<Pod> watcher = endWatchers.remove(key(pod));
        if (watcher != null) watcher.accept(pod);
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    static boolean ready(Pod pod) {
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) return false;
        if (pod.getStatus().getPodIP() == null || pod.getStatus().getPodIP().isEmpty()) return false;
        if (pod.getStatus().getConditions() == null) return false;
        for (PodCondition condition : pod.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) return "True".equals(condition.getStatus());
        }
        return false;
    }

    private static boolean ended(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static boolean matches(Pod pod, Map<String, String> selector) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }
}
