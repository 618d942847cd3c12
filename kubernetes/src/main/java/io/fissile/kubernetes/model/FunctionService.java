package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

import java.util.Map;

/**
 * The Service in front of a function's Deployment, port 80 to the runtime's port, named as the
 * Deployment: a stable name for the function's pods inside the cluster.
 */
public final class FunctionService {

    private FunctionService() {
    }

    public static Service of(String name, String namespace, Map<String, String> selector, int targetPort) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(Map.of(PodLabels.MANAGED_BY, PodLabels.FISSILE)).endMetadata()
                .withNewSpec()
                .withSelector(selector)
                .addNewPort().withName("http").withProtocol("TCP").withPort(80)
                .withTargetPort(new IntOrString(targetPort)).endPort()
                .endSpec()
                .build();
    }
}
