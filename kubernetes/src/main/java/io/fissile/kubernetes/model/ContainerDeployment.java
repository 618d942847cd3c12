package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fissile.api.v1.Container;
import io.fissile.api.v1.ContainerPort;
import io.fissile.api.v1.Function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container function's Deployment (Fission's container executor): the one container of its
 * {@code spec.podspec}, the user's image and command as written, serving HTTP on its one port (8888
 * when it names none, passed as {@code PORT}); its Secrets and ConfigMaps mounted as for newdeploy,
 * its limits from {@code spec.resources}. It is never specialized, so it has no fetcher.
 */
public final class ContainerDeployment {

    public static final String CONTAINER = "container";

    private ContainerDeployment() {
    }

    public static String name(Function function) {
        return KubernetesNames.of(KubernetesNames.MAX_DEPLOYMENT, CONTAINER, function.name(), function.namespace());
    }

    /** The port the function serves on. */
    public static int port(Function function) {
        Integer port = containerOf(function).servingPort();
        return port == null ? ContainerPort.DEFAULT_PORT : port;
    }

    public static Deployment of(Function function, int replicas) {
        Container container = containerOf(function);
        if (!container.hasImage()) {
            throw new IllegalArgumentException(describe(function) + ": spec.podspec.containers[0].image is empty;"
                    + " a container function on Kubernetes runs an image");
        }
        int port = port(function);
        List<EnvVar> env = new ArrayList<>();
        function.spec().environmentVariables().forEach((name, value) -> env.add(new EnvVar(name, value, null)));
        if (container.env() != null) container.env().forEach(v -> env.add(new EnvVar(v.name(), v.value(), null)));
        env.add(new EnvVar("PORT", Integer.toString(port), null));
        PodVolumes volumes = PodVolumes.forFunction(function);
        Map<String, String> labels = PodLabels.function(function, CONTAINER, null);
        PodTemplateSpec template = new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .addToContainers(new ContainerBuilder()
                        .withName(container.name() == null || container.name().isBlank() ? function.name() : container.name())
                        .withImage(container.image())
                        .withCommand(container.command())
                        .withArgs(container.args())
                        .withEnv(env)
                        .addNewPort().withName("http").withContainerPort(port).endPort()
                        .withResources(ResourceLimits.of(function.spec().resources()))
                        .withVolumeMounts(volumes.runtimeMounts())
                        .withNewReadinessProbe().withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket()
                        .endReadinessProbe()
                        .build())
                .withVolumes(volumes.volumes())
                .endSpec()
                .build();
        return FunctionDeployment.deployment(name(function), function.namespace(), labels,
                PodLabels.functionSelector(function, CONTAINER), replicas, template);
    }

    private static Container containerOf(Function function) {
        Container container = function.spec().podSpec() == null ? null : function.spec().podSpec().onlyContainer();
        if (container == null) {
            throw new IllegalArgumentException(describe(function) + ": spec.podspec must have exactly one container");
        }
        return container;
    }

    private static String describe(Function function) {
        return "function \"" + function.namespace() + "/" + function.name() + "\"";
    }
}
