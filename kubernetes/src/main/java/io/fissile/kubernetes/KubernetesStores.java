package io.fissile.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.kubernetes.store.KubernetesResourceStore;
import io.fissile.store.ResourceStore;

/**
 * Opens the Kubernetes {@link ResourceStore}: Fission's kinds as fission.io/v1 custom resources
 * (the CRDs of {@code deploy/crds} must be installed) and Secrets and ConfigMaps as themselves.
 */
public final class KubernetesStores {
    private KubernetesStores() {
    }

    /** A store on the cluster the client talks to. */
    public static ResourceStore open(KubernetesClient client, KubernetesStoreOptions options) {
        return new KubernetesResourceStore(client, options.closeClient());
    }

    /** A store that owns its client: closing the store closes the client. */
    public static ResourceStore open(KubernetesClient client) {
        return open(client, KubernetesStoreOptions.defaults());
    }
}
