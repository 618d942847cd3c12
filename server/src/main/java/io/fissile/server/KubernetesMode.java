package io.fissile.server;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.kubernetes.KubernetesConnection;
import io.fissile.kubernetes.model.ImageNames;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the server runs in Kubernetes mode ({@code fissile server --kubernetes}): resources are the
 * cluster's fission.io custom resources, Secrets and ConfigMaps; instances are pods.
 *
 * @param connect         makes the client of the cluster (the server closes it when it stops)
 * @param controllerUrl   the controller as function pods reach it, for their archive downloads
 * @param images          the images function pods run
 * @param leaseNamespace  where the Leases of components only one replica runs live (the server pod's namespace)
 * @param podStartTimeout how long a function pod may take to become ready
 */
public record KubernetesMode(Supplier<KubernetesClient> connect, String controllerUrl, ImageNames images,
                             String leaseNamespace, Duration podStartTimeout) {
    /** The Helm chart's namespace and controller Service, used when the environment does not say. */
    public static final String DEFAULT_NAMESPACE = "fissile";
    public static final String DEFAULT_CONTROLLER_URL = "http://controller." + DEFAULT_NAMESPACE + ".svc:8889";
    public static final Duration DEFAULT_POD_START_TIMEOUT = Duration.ofSeconds(120);

    public KubernetesMode {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(controllerUrl, "controllerUrl");
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(leaseNamespace, "leaseNamespace");
        Objects.requireNonNull(podStartTimeout, "podStartTimeout");
    }

    /**
     * The cluster of the pod the server runs in (its service account), else of the kubeconfig's
     * context, with the settings the Helm chart passes as environment variables:
     * {@code FISSILE_CONTROLLER_URL}, {@code FISSILE_IMAGE_PREFIX}, {@code FISSILE_IMAGE_TAG} and
     * {@code POD_NAMESPACE}.
     *
     * @param kubeconfig a kubeconfig file, or null for the usual places
     * @param context    a context of it, or null for its current one
     * @throws IllegalArgumentException naming {@code --kubeconfig} or {@code --kube-context} when they are wrong
     */
    public static KubernetesMode fromEnvironment(Path kubeconfig, String context, Map<String, String> environment) {
        ImageNames defaults = ImageNames.defaults();
        ImageNames images = new ImageNames(setting(environment, "FISSILE_IMAGE_PREFIX", defaults.prefix()),
                setting(environment, "FISSILE_IMAGE_TAG", defaults.version()));
        // Read now, so that a wrong flag is reported before anything starts.
        KubernetesConnection.config(kubeconfig, context);
        return new KubernetesMode(() -> KubernetesConnection.client(kubeconfig, context),
                setting(environment, "FISSILE_CONTROLLER_URL", DEFAULT_CONTROLLER_URL), images,
                setting(environment, "POD_NAMESPACE", DEFAULT_NAMESPACE), DEFAULT_POD_START_TIMEOUT);
    }

    private static String setting(Map<String, String> environment, String name, String otherwise) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
