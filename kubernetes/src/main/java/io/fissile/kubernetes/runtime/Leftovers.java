package io.fissile.kubernetes.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fissile.kubernetes.model.ContainerDeployment;
import io.fissile.kubernetes.model.FunctionDeployment;
import io.fissile.kubernetes.model.KubernetesNames;
import io.fissile.kubernetes.model.PodLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What an executor that ended without cleaning up left in the cluster: pods it had claimed, pool pods
 * taken out of their Deployments and replicas of functions' own Deployments. Several executors share
 * the cluster, so only the claims of this runtime's own identity (an earlier container of the same pod)
 * and of executors whose pod no longer exists are leftovers; a live executor's pods stay. Pods taken by
 * a version that did not label its claims ({@code managed=false}, no executor) count as leftovers too.
 */
final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private final KubernetesClient client;
    private final String identity;
    private final String executorsNamespace;
    private final FunctionDeployments functions;
    /** Whether each executor named on a pod is gone, asked once. */
    private final Map<String, Boolean> gone = new HashMap<>();

    private Leftovers(KubernetesClient client, String identity, String executorsNamespace, FunctionDeployments functions) {
        this.client = client;
        this.identity = identity;
        this.executorsNamespace = executorsNamespace;
        this.functions = functions;
    }

    /**
     * Deletes the leftover pods of executors gone (or of {@code identity}'s previous life), each
     * function Deployment's one replica fewer per pod of it deleted.
     *
     * @param executorsNamespace where executors' own pods run, which tells whether one is gone
     */
    static void remove(KubernetesClient client, String identity, String executorsNamespace, FunctionDeployments functions) {
        new Leftovers(client, identity, executorsNamespace, functions).removeAll();
    }

    private void removeAll() {
        int pods = 0;
        int replicas = 0;
        for (Pod pod : client.pods().inAnyNamespace().withLabel(PodLabels.MANAGED_BY, PodLabels.FISSILE).list().getItems()) {
            if (!leftover(pod.getMetadata().getLabels())) continue;
            String namespace = pod.getMetadata().getNamespace();
            String name = pod.getMetadata().getName();
            String deployment = functionDeployment(pod.getMetadata().getLabels());
            try {
                if (deployment != null) {
                    functions.scaleDown(namespace, deployment, name, Duration.ZERO);
                    replicas++;
                } else {
                    client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
                }
                pods++;
            } catch (KubernetesClientException e) {
                // Gone meanwhile: someone else cleaned it up.
                if (e.getCode() != 404) throw e;
            }
        }
        if (pods > 0) {
            LOG.info("Removed what gone executors left: {} claimed pods, {} of them function Deployments' replicas", pods, replicas);
        }
    }

    private boolean leftover(Map<String, String> labels) {
        String owner = labels.get(PodLabels.EXECUTOR);
        if (owner == null) return "false".equals(labels.get(PodLabels.MANAGED));
        return owner.equals(identity) || gone.computeIfAbsent(owner, this::ownerGone);
    }

    /** Whether no pod of that name exists among the executors'; when the check is refused, it is assumed alive. */
    private boolean ownerGone(String owner) {
        try {
            return client.pods().inNamespace(executorsNamespace).withName(owner).get() == null;
        } catch (KubernetesClientException e) {
            LOG.warn("Cannot tell whether executor {} still runs (pods in namespace {}: HTTP {}); leaving its pods alone",
                    owner, executorsNamespace, e.getCode());
            return false;
        }
    }

    /** The function Deployment a pod belongs to, or null for a pool pod. */
    private static String functionDeployment(Map<String, String> labels) {
        String type = labels.get(PodLabels.EXECUTOR_TYPE);
        String function = labels.get(PodLabels.FUNCTION_NAME);
        String namespace = labels.get(PodLabels.FUNCTION_NAMESPACE);
        if (function == null || namespace == null) return null;
        if (!FunctionDeployment.NEWDEPLOY.equals(type) && !ContainerDeployment.CONTAINER.equals(type)) return null;
        return KubernetesNames.of(KubernetesNames.MAX_DEPLOYMENT, type, function, namespace);
    }
}
