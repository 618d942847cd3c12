package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
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
import java.util.function.IntFunction;

/**
 * Newdeploy and container functions' Deployments and Services, their replicas following the instances
 * the executors' autoscalers ask for: one more for each start, one fewer for each stop. Several
 * executors share a Deployment, so each step reads its current replicas and writes them back one
 * higher or lower with the resourceVersion read, again when another changed it meanwhile. The pod a
 * stop names gets the lowest deletion cost before the replicas drop, so that the ReplicaSet removes
 * that one and not a pod in use.
 */
final class FunctionDeployments {

    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    private static final String LOWEST_COST = Integer.toString(Integer.MIN_VALUE);
    private static final int CONFLICT = 409;

    private final KubernetesClient client;
    private final ImageNames images;

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

    /**
     * Applies the Deployment (today's shape) with one replica more than it has, creating it and its
     * Service with one when absent.
     */
    private String scaleUp(Function function, String name, String executorType, int port, IntFunction<Deployment> deployment) {
        String namespace = function.namespace();
        for (;;) {
            Deployment current = client.apps().deployments().inNamespace(namespace).withName(name).get();
            try {
                if (current == null) {
                    client.apps().deployments().inNamespace(namespace).resource(deployment.apply(1)).create();
                    client.services().inNamespace(namespace)
                            .resource(FunctionService.of(name, namespace, PodLabels.functionSelector(function, executorType), port))
                            .createOr(NonDeletingOperation::update);
                } else {
                    Deployment wanted = deployment.apply(replicas(current) + 1);
                    wanted.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
                    client.apps().deployments().inNamespace(namespace).resource(wanted).update();
                }
                return name;
            } catch (KubernetesClientException e) {
                // Another executor created or changed it meanwhile: count from what it wrote.
                if (e.getCode() != CONFLICT) throw e;
            }
        }
    }

    /** One fewer replica: this pod goes, or, when {@code pod} is null (a start that failed), whichever the ReplicaSet picks. */
    void scaleDown(String namespace, String deployment, String pod, Duration grace) {
        if (pod != null) {
            client.pods().inNamespace(namespace).withName(pod).edit(p -> new PodBuilder(p).editMetadata()
                    .addToAnnotations(DELETION_COST, LOWEST_COST).endMetadata().build());
        }
        decrement(namespace, deployment);
        if (pod != null) client.pods().inNamespace(namespace).withName(pod).withGracePeriod(grace.toSeconds()).delete();
    }

    /** Writes the Deployment's replicas one lower (never below zero), if it still exists. */
    private void decrement(String namespace, String deployment) {
        for (;;) {
            Deployment current = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
            if (current == null || replicas(current) == 0) return;
            Deployment lower = new DeploymentBuilder(current).editSpec().withReplicas(replicas(current) - 1).endSpec().build();
            try {
                client.apps().deployments().inNamespace(namespace).resource(lower).update();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) return;
                if (e.getCode() != CONFLICT) throw e;
            }
        }
    }

    private static int replicas(Deployment deployment) {
        Integer replicas = deployment.getSpec().getReplicas();
        return replicas == null ? 0 : replicas;
    }
}
