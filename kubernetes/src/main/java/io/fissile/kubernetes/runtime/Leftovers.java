package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.kubernetes.model.ContainerDeployment;
import io.fissile.kubernetes.model.FunctionDeployment;
import io.fissile.kubernetes.model.PodLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an executor that ended without cleaning up left in the cluster: pool pods it had taken out of
 * their Deployments (label {@code managed=false}) and replicas of functions' own Deployments. A new
 * executor holds none of them, so the pods go and those Deployments start again from zero.
 */
final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {
    }

    static void remove(KubernetesClient client) {
        int pods = client.pods().inAnyNamespace().withLabel(PodLabels.MANAGED_BY, PodLabels.FISSILE)
                .withLabel(PodLabels.MANAGED, "false").delete().size();
        int deployments = 0;
        for (String type : new String[]{FunctionDeployment.NEWDEPLOY, ContainerDeployment.CONTAINER}) {
            for (Deployment deployment : client.apps().deployments().inAnyNamespace()
                    .withLabel(PodLabels.MANAGED_BY, PodLabels.FISSILE).withLabel(PodLabels.EXECUTOR_TYPE, type).list().getItems()) {
                if (deployment.getSpec().getReplicas() == null || deployment.getSpec().getReplicas() == 0) continue;
                client.apps().deployments().inNamespace(deployment.getMetadata().getNamespace())
                        .withName(deployment.getMetadata().getName())
                        .edit(d -> new DeploymentBuilder(d).editSpec().withReplicas(0).endSpec().build());
                deployments++;
            }
        }
        if (pods > 0 || deployments > 0) {
            LOG.info("Removed what a previous executor left: {} pods taken from pools, {} function Deployments scaled to zero",
                    pods, deployments);
        }
    }
}
