package io.fissile.kubernetes.kubelet;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the cluster's Deployment and ReplicaSet controllers do, as much as tests need: every Deployment
 * keeps {@code spec.replicas} pods from its template that match its selector. Pods relabelled out of
 * the selector no longer count, so a replacement starts. Scaling down removes pods that are not ready
 * first, then those with the lowest {@code controller.kubernetes.io/pod-deletion-cost}.
 */
final class DeploymentController implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentController.class);
    private static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    private static final long PERIOD_MILLIS = 50;

    private final KubernetesClient client;
    private final SharedIndexInformer<Deployment> deployments;
    private final Thread loop;
    private volatile boolean closed;

    DeploymentController(KubernetesClient client) {
        this.client = client;
        this.deployments = client.apps().deployments().inAnyNamespace().inform();
        this.loop = Thread.ofPlatform().daemon().name("test-deployment-controller").start(this::run);
    }

    private void run() {
        while (!closed) {
            for (Deployment deployment : deployments.getStore().list()) {
                try {
                    reconcile(deployment);
                } catch (RuntimeException e) {
                    if (!closed) LOG.debug("Reconciling deployment {} failed: {}", deployment.getMetadata().getName(), e.toString());
                }
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void reconcile(Deployment deployment) {
        String namespace = deployment.getMetadata().getNamespace();
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        // Listed, not taken from an informer: a pod counted twice or missed here would leave a Deployment wrong for good.
        List<Pod> owned = client.pods().inNamespace(namespace).withLabels(selector).list().getItems().stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .filter(pod -> pod.getMetadata().getLabels() != null
                        && pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        int wanted = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        for (int i = owned.size(); i < wanted; i++) create(deployment);
        if (owned.size() > wanted) {
            owned.stream().sorted(Comparator.comparing(DeploymentController::ready)
                            .thenComparing(DeploymentController::deletionCost))
                    .limit(owned.size() - wanted)
                    .forEach(pod -> client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).delete());
        }
    }

    private void create(Deployment deployment) {
        String name = deployment.getMetadata().getName() + "-" + suffix();
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder(deployment.getSpec().getTemplate().getMetadata())
                        .withName(name).withNamespace(deployment.getMetadata().getNamespace())
                        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
                                .withName(deployment.getMetadata().getName()).withUid(deployment.getMetadata().getUid())
                                .withController(true).build())
                        .build())
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .build();
        client.pods().inNamespace(deployment.getMetadata().getNamespace()).resource(pod).create();
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static long deletionCost(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String cost = annotations == null ? null : annotations.get(DELETION_COST);
        return Objects.isNull(cost) ? 0 : Long.parseLong(cost);
    }

    private static String suffix() {
        String letters = "bcdfghjklmnpqrstvwxz2456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) suffix.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        return suffix.toString();
    }

    @Override
    public void close() {
        closed = true;
        loop.interrupt();
        deployments.close();
    }
}
