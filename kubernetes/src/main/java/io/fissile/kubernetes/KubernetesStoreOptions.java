package io.fissile.kubernetes;

/**
 * How a Kubernetes store is opened.
 *
 * @param closeClient whether closing the store also closes its Kubernetes client (true when the
 *                    store was given a client of its own)
 */
public record KubernetesStoreOptions(boolean closeClient) {

    /** The store owns its client. */
    public static KubernetesStoreOptions defaults() {
        return new KubernetesStoreOptions(true);
    }

    /** The client is shared with others and outlives the store. */
    public static KubernetesStoreOptions sharedClient() {
        return new KubernetesStoreOptions(false);
    }
}
