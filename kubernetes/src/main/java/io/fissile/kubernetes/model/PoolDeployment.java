package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fissile.api.v1.Environment;

import java.util.Map;

/**
 * An environment's warm pool as a Deployment of {@code poolsize} generic pods (Fission's poolmgr). It
 * selects {@code managed=true}: a pod taken for a function is relabelled {@code managed=false}, and
 * the Deployment starts another in its place.
 */
public final class PoolDeployment {

    private PoolDeployment() {
    }

    /** E.g. {@code poolmgr-nodejs-default}, cut and hashed when long. */
    public static String name(Environment environment) {
        return KubernetesNames.of(KubernetesNames.MAX_DEPLOYMENT, "poolmgr", environment.name(), environment.namespace());
    }

    public static Deployment of(Environment environment, ImageNames images) {
        Map<String, String> labels = PodLabels.pool(environment);
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name(environment))
                .withNamespace(environment.namespace())
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withReplicas(environment.spec().effectivePoolSize())
                .withNewSelector().withMatchLabels(PodLabels.poolSelector(environment)).endSelector()
                .withTemplate(RuntimePod.template(environment, images, labels, Map.of(),
                        ResourceLimits.of(environment.spec().resources()), PodVolumes.forPool()))
                .endSpec()
                .build();
    }
}
