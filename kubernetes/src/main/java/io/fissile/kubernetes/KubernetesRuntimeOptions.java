package io.fissile.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
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
 */
public record KubernetesRuntimeOptions(KubernetesClient client, ImageNames images, Duration startTimeout,
                                       String controllerUrl) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    public KubernetesRuntimeOptions {
        Objects.requireNonNull(client, "client");
        images = images == null ? ImageNames.defaults() : images;
        startTimeout = startTimeout == null || startTimeout.isZero() || startTimeout.isNegative() ? DEFAULT_START_TIMEOUT : startTimeout;
        controllerUrl = controllerUrl == null ? "" : controllerUrl.replaceAll("/+$", "");
    }

    public static KubernetesRuntimeOptions of(KubernetesClient client, String controllerUrl) {
        return new KubernetesRuntimeOptions(client, null, null, controllerUrl);
    }

    public KubernetesRuntimeOptions withStartTimeout(Duration timeout) {
        return new KubernetesRuntimeOptions(client, images, timeout, controllerUrl);
    }

    public KubernetesRuntimeOptions withImages(ImageNames names) {
        return new KubernetesRuntimeOptions(client, names, startTimeout, controllerUrl);
    }
}
