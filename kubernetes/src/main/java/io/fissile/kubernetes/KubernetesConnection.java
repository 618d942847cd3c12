package io.fissile.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Connects to a cluster the way kubectl does: inside a pod, its service account; elsewhere the
 * kubeconfig ({@code --kubeconfig}, else {@code KUBECONFIG}, else {@code ~/.kube/config}) and its
 * current context, or the context named.
 */
public final class KubernetesConnection {
    private KubernetesConnection() {
    }

    /**
     * @param kubeconfig a kubeconfig file, or null for the usual places
     * @param context    a context of it, or null for its current context
     */
    public static Config config(Path kubeconfig, String context) {
        Config config;
        if (kubeconfig == null) {
            config = Config.autoConfigure(context);
        } else {
            if (!Files.isReadable(kubeconfig)) {
                throw new IllegalArgumentException("--kubeconfig: cannot read " + kubeconfig);
            }
            try {
                config = Config.fromKubeconfig(context, kubeconfig.toFile());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
            }
        }
        // fabric8 falls back to the current context when the one named is missing: say so instead.
        if (context != null && (config.getCurrentContext() == null || !context.equals(config.getCurrentContext().getName()))) {
            throw new IllegalArgumentException("--kube-context: no context \"" + context + "\" in "
                    + (kubeconfig == null ? "the kubeconfig" : kubeconfig.toString()));
        }
        return config;
    }

    public static KubernetesClient client(Path kubeconfig, String context) {
        return new KubernetesClientBuilder().withConfig(config(kubeconfig, context)).build();
    }
}
