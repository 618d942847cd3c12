package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.kubernetes.model.ContainerDeployment;
import io.fissile.kubernetes.model.FunctionDeployment;
import io.fissile.kubernetes.model.FunctionService;
import io.fissile.kubernetes.model.ImageNames;
import io.fissile.kubernetes.model.PodContract;
import io.fissile.kubernetes.model.PodLabels;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Newdeploy and container functions' Deployments and Services, their replicas following the instances the
 * executor's autoscaler asks for: one more for each start, one fewer for each stop. The pod a stop
 * names gets the lowest deletion cost before the replicas drop, so that the ReplicaSet removes that
 * one and not a pod in use.
 */
final class FunctionDeployments {

    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    private static final String LOWEST_COST = Integer.toString(Integer.MIN_VALUE);

    private final KubernetesClient client;
    private final ImageNames images;
    /** Replicas wanted per Deployment ({@code namespace/name}). */
    private final Map<String, Integer> replicas = new ConcurrentHashMap<>();

    FunctionDeployments(KubernetesClient client, ImageNames images) {
        this.client = client;
        this.images = images;
    }

    /** One more replica of a newdeploy function's Deployment; returns the Deployment's name. */
    String scaleUp(Function function, Environment environment) {
        return scaleUp(function, FunctionDeployment.name(function), FunctionDeployment.NEWDEPLOY, PodContract.RUNTIME_PORT,
                wanted -> FunctionDeployment.of(function, environment, images, wanted));
    }

    /** One more replica of a container function's Deployment; returns the Deployment's name. */
    String scaleUpContainer(Function function) {
        return scaleUp(function, ContainerDeployment.name(function), ContainerDeployment.CONTAINER,
                ContainerDeployment.port(function), wanted -> ContainerDeployment.of(function, wanted));
    }

    /** Applies the Deployment with one more replica, and its Service the first time. */
    private String scaleUp(Function function, String name, String executorType, int port, IntFunction<Deployment> deployment) {
        replicas.compute(function.namespace() + "/" + name, (key, current) -> {
            int wanted = current == null ? 1 : current + 1;
            client.apps().deployments().inNamespace(function.namespace()).resource(deployment.apply(wanted))
                    .createOr(NonDeletingOperation::update);
            if (current == null) {
                client.services().inNamespace(function.namespace())
                        .resource(FunctionService.of(name, function.namespace(),
                                PodLabels.functionSelector(function, executorType), port))
                        .createOr(NonDeletingOperation::update);
            }
            return wanted;
        });
        return name;
    }

    /** One fewer replica: this pod goes, or, when {@code pod} is null (a start that failed), whichever the ReplicaSet picks. */
    void scaleDown(String namespace, String deployment, String pod, Duration grace) {
        replicas.computeIfPresent(namespace + "/" + deployment, (key, current) -> {
            int wanted = Math.max(0, current - 1);
            if (pod != null) {
                client.pods().inNamespace(namespace).withName(pod).edit(p -> new PodBuilder(p).editMetadata()
                        .addToAnnotations(DELETION_COST, LOWEST_COST).endMetadata().build());
            }
            client.apps().deployments().inNamespace(namespace).withName(deployment).edit(d -> new DeploymentBuilder(d)
                    .editSpec().withReplicas(wanted).endSpec().build());
            if (pod != null) client.pods().inNamespace(namespace).withName(pod).withGracePeriod(grace.toSeconds()).delete();
            return wanted;
        });
    }
}
