package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;

import java.util.Map;

/**
 * A function's own Deployment (Fission's newdeploy): pods of its environment's runtime with the
 * function's variables, limits, Secrets and ConfigMaps, specialized one by one through their fetchers.
 * The executor's autoscaler sets its replicas.
 */
public final class FunctionDeployment {

    public static final String NEWDEPLOY = "newdeploy";

    private FunctionDeployment() {
    }

    /** E.g. {@code newdeploy-hello-default}, cut and hashed when long; the Service has the same name. */
    public static String name(Function function) {
        return KubernetesNames.of(KubernetesNames.MAX_DEPLOYMENT, NEWDEPLOY, function.name(), function.namespace());
    }

    public static Deployment of(Function function, Environment environment, ImageNames images, int replicas) {
        Map<String, String> labels = PodLabels.function(function, NEWDEPLOY, environment);
        PodTemplateSpec template = RuntimePod.template(environment, images, labels,
                function.spec().environmentVariables(),
                ResourceLimits.merged(environment.spec().resources(), function.spec().resources()),
                PodVolumes.forFunction(function));
        return deployment(name(function), function.namespace(), labels, PodLabels.functionSelector(function, NEWDEPLOY),
                replicas, template);
    }

    static Deployment deployment(String name, String namespace, Map<String, String> labels, Map<String, String> selector,
                                 int replicas, PodTemplateSpec template) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withTemplate(template)
                .endSpec()
                .build();
    }
}
