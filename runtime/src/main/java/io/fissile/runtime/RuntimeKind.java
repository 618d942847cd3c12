package io.fissile.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The runtimes Fissile ships, and which environment images run on them: Fission's images
 * ({@code fission/node-env}, any tag or registry prefix) and Fissile's own ({@code fissile/nodejs}).
 */
public enum RuntimeKind {
    NODEJS("nodejs", "node-env"),
    PYTHON("python", "python-env"),
    JVM("jvm", "jvm-env"),
    BINARY("binary", "binary-env");

    private final String fissileName;
    private final String fissionImage;

    RuntimeKind(String fissileName, String fissionImage) {
        this.fissileName = fissileName;
        this.fissionImage = fissionImage;
    }

    /** The short name: nodejs, python, jvm or binary. */
    public String fissileName() {
        return fissileName;
    }

    /**
     * The runtime for an image such as {@code fission/node-env:1.32}, {@code ghcr.io/fission/python-env},
     * {@code fission/jvm-env-17}, {@code fissile/binary} or just {@code nodejs}.
     */
    public static Optional<RuntimeKind> forImage(String image) {
        if (image == null || image.isBlank()) return Optional.empty();
        String name = image.trim().toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(0, at);
        int slash = name.lastIndexOf('/');
        String repo = slash >= 0 ? name.substring(0, slash) : "";
        String last = slash >= 0 ? name.substring(slash + 1) : name;
        int colon = last.indexOf(':');
        String base = colon >= 0 ? last.substring(0, colon) : last;
        boolean fissile = repo.isEmpty() || repo.endsWith("fissile");
        return Arrays.stream(values())
                .filter(k -> base.equals(k.fissionImage) || base.startsWith(k.fissionImage + "-")
                        || (fissile && base.equals(k.fissileName)))
                .findFirst();
    }

    /** The images a user can write, for messages. */
    public static String knownImages() {
        return "fission/node-env, fission/python-env, fission/jvm-env, fission/binary-env (any tag), "
                + "or fissile/nodejs, fissile/python, fissile/jvm, fissile/binary";
    }
}
