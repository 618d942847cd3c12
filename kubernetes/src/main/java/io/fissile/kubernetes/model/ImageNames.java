package io.fissile.kubernetes.model;

import io.fissile.runtime.RuntimeKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The images Fissile's pods run: {@code <prefix>/fissile:<version>} for the platform (the fetcher
 * sidecar among others) and {@code <prefix>/fissile-env-<nodejs|python|jvm|binary>:<version>} for the
 * shipped runtimes, which Fission's image names ({@code fission/node-env} ...) map to. The Helm chart
 * and the Dockerfiles use exactly these names.
 *
 * @param prefix  the registry and organisation, {@code fissile} by default
 * @param version the image tag, the project's version by default
 */
public record ImageNames(String prefix, String version) {

    public static final String DEFAULT_PREFIX = "fissile";

    public ImageNames {
        if (prefix == null || prefix.isBlank()) throw new IllegalArgumentException("the image prefix is empty");
        if (version == null || version.isBlank()) throw new IllegalArgumentException("the image version is empty");
        prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /** Prefix {@code fissile}, this build's version. */
    public static ImageNames defaults() {
        return new ImageNames(DEFAULT_PREFIX, projectVersion());
    }

    /** The platform image: controller, router, executor and the fetcher sidecar. */
    public String platform() {
        return prefix + "/fissile:" + version;
    }

    public String runtime(RuntimeKind kind) {
        return prefix + "/fissile-env-" + kind.fissileName() + ":" + version;
    }

    /**
     * What a pod of an environment runs: Fissile's runtime image for an image Fissile knows
     * ({@link RuntimeKind#forImage}), else the image as written (the user's own, which must follow
     * the environment contract).
     */
    public String forEnvironment(String image) {
        Objects.requireNonNull(image, "image");
        return RuntimeKind.forImage(image).map(this::runtime).orElse(image);
    }

    /** The version this jar was built as (a resource Maven fills in). */
    static String projectVersion() {
        try (InputStream in = ImageNames.class.getResourceAsStream("fissile-version.properties")) {
            if (in == null) throw new IllegalStateException("fissile-version.properties is missing from the build");
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
