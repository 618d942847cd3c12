package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fissile.api.v1.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod of an environment's runtime: the runtime container (the environment's image as
 * {@link ImageNames#forEnvironment} maps it, serving on {@link PodContract#RUNTIME_PORT}, told where
 * things are by the environment contract's variables) beside the {@link FetcherSidecar}.
 */
public final class RuntimePod {

    private RuntimePod() {
    }

    /**
     * @param labels    the pod's labels
     * @param variables extra variables of the runtime (a function's {@code spec.env}); the contract's win
     * @param resources the runtime container's requests and limits
     * @param volumes   the pod's volumes and mounts
     */
    public static PodTemplateSpec template(Environment environment, ImageNames images, Map<String, String> labels,
                                           Map<String, String> variables, ResourceRequirements resources,
                                           PodVolumes volumes) {
        String image = environment.spec().runtime() == null ? null : environment.spec().runtime().image();
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("environment \"" + environment.namespace() + "/" + environment.name()
                    + "\" has no spec.runtime.image");
        }
        List<EnvVar> env = new ArrayList<>();
        variables.forEach((name, value) -> {
            if (!contractVariable(name)) env.add(new EnvVar(name, value, null));
        });
        env.add(new EnvVar("HOST", "0.0.0.0", null));
        env.add(new EnvVar("PORT", Integer.toString(PodContract.RUNTIME_PORT), null));
        env.add(new EnvVar("USERFUNC_DIR", PodContract.USERFUNC, null));
        env.add(new EnvVar("SECRETS_DIR", PodContract.SECRETS, null));
        env.add(new EnvVar("CONFIGS_DIR", PodContract.CONFIGS, null));
        Container runtime = new ContainerBuilder()
                .withName(PodContract.RUNTIME_CONTAINER)
                .withImage(images.forEnvironment(image))
                .withEnv(env)
                .addNewPort().withName("http-env").withContainerPort(PodContract.RUNTIME_PORT).endPort()
                .withResources(resources)
                .withVolumeMounts(volumes.runtimeMounts())
                .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(PodContract.RUNTIME_PORT))
                .endTcpSocket().endReadinessProbe()
                .build();
        Long grace = environment.spec().terminationGracePeriod();
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withContainers(runtime, FetcherSidecar.container(images, volumes.fetcherMounts()))
                .withVolumes(volumes.volumes())
                .withTerminationGracePeriodSeconds(grace == null || grace < 0 ? null : grace)
                .endSpec()
                .build();
    }

    private static boolean contractVariable(String name) {
        return switch (name) {
            case "HOST", "PORT", "USERFUNC_DIR", "SECRETS_DIR", "CONFIGS_DIR" -> true;
            default -> false;
        };
    }
}
