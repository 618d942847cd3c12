package io.fissile.builder.internal;

import io.fissile.runtime.RuntimeKind;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which shipped builder an environment's {@code spec.builder.image} names, the way the runtime maps
 * runtime images: Fission's builder images ({@code fission/node-builder}, any tag or registry prefix,
 * versioned names such as {@code fission/python-builder-3.10}) and Fissile's own
 * ({@code fissile/nodejs-builder}, or just {@code fissile/nodejs}).
 */
public final class BuilderImages {

    private static final Map<String, RuntimeKind> FISSION_NAMES = Map.of(
            "node-builder", RuntimeKind.NODEJS,
            "python-builder", RuntimeKind.PYTHON,
            "jvm-builder", RuntimeKind.JVM,
            "binary-builder", RuntimeKind.BINARY);

    private BuilderImages() {
    }

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
        for (Map.Entry<String, RuntimeKind> entry : FISSION_NAMES.entrySet()) {
            if (base.equals(entry.getKey()) || base.startsWith(entry.getKey() + "-")) return Optional.of(entry.getValue());
        }
        if (!repo.isEmpty() && !repo.endsWith("fissile")) return Optional.empty();
        String runtime = base.endsWith("-builder") ? base.substring(0, base.length() - "-builder".length()) : base;
        for (RuntimeKind kind : RuntimeKind.values()) {
            if (kind.fissileName().equals(runtime)) return Optional.of(kind);
        }
        return Optional.empty();
    }

    /** The images a user can write, for messages. */
    public static String knownImages() {
        return "fission/node-builder, fission/python-builder, fission/jvm-builder, fission/binary-builder (any tag), "
                + "or fissile/nodejs-builder, fissile/python-builder, fissile/jvm-builder, fissile/binary-builder";
    }
}
