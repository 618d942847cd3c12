package io.fissile.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fissile.kubernetes.model.ExecutorIdentity;
import io.fissile.kubernetes.model.ImageNames;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link KubernetesRuntimes} runs instances.
 *
 * @param client        the API client
 * @param images        the images pods run ({@link ImageNames#defaults()} unless the chart says otherwise)
 * @param startTimeout  how long a pod may take to become ready (default 120 s)
 * @param controllerUrl the controller as pods reach it (e.g. {@code http://controller.fissile}), which
 *                      archive URLs that are only a path ({@code /v2/archives/<id>}) are resolved against
 * @param identity      names this runtime on the pods it claims: by default {@link ExecutorIdentity#fromEnvironment()},
 *                      the executor's pod name; made a valid label value
 * @param namespace     where the executors' own pods run, which tells whether a claim's owner still exists:
 *                      by default {@code POD_NAMESPACE}, else the client's namespace, else {@code default}
 */
public record KubernetesRuntimeOptions(KubernetesClient client, ImageNames images, Duration startTimeout,
                                       String controllerUrl, String identity, String namespace) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    public KubernetesRuntimeOptions {
        Objects.requireNonNull(client, "client");
        images = images == null ? ImageNames.defaults() : images;
        startTimeout = startTimeout == null || startTimeout.isZero() || startTimeout.isNegative() ? DEFAULT_START_TIMEOUT : startTimeout;
        controllerUrl = controllerUrl == null ? "" : controllerUrl.replaceAll("/+$", "");
        identity = identity == null || identity.isBlank() ? ExecutorIdentity.fromEnvironment() : ExecutorIdentity.sanitize(identity);
        namespace = namespace == null || namespace.isBlank() ? defaultNamespace(client) : namespace;
    }

    public static KubernetesRuntimeOptions of(KubernetesClient client, String controllerUrl) {
        return new KubernetesRuntimeOptions(client, null, null, controllerUrl, null, null);
    }

    public KubernetesRuntimeOptions withStartTimeout(Duration timeout) {
        return new KubernetesRuntimeOptions(client, images, timeout, controllerUrl, identity, namespace);
    }

    public KubernetesRuntimeOptions withImages(ImageNames names) {
        return new KubernetesRuntimeOptions(client, names, startTimeout, controllerUrl, identity, namespace);
    }

    /** Another name on the pods this runtime claims (e.g. two runtimes in one test). */
    public KubernetesRuntimeOptions withIdentity(String name) {
        return new KubernetesRuntimeOptions(client, images, startTimeout, controllerUrl, name, namespace);
    }

    /** The namespace the executors' pods run in. */
    public KubernetesRuntimeOptions withNamespace(String name) {
        return new KubernetesRuntimeOptions(client, images, startTimeout, controllerUrl, identity, name);
    }

    private static String defaultNamespace(KubernetesClient client) {
        String fromPod = System.getenv("POD_NAMESPACE");
        if (fromPod != null && !fromPod.isBlank()) return fromPod.strip();
        String configured = client.getNamespace();
        return configured == null || configured.isBlank() ? "default" : configured;
    }
}
