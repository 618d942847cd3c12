package io.fissile.spec.internal;

import io.fissile.api.Codec;
import io.fissile.api.Resource;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.PackageSpec;

import java.util.Map;
import java.util.Objects;

/**
 * Whether a stored object already is what a spec asks for: same labels, annotations and spec (a
 * Secret's or ConfigMap's values). What the server sets (status, resource version, timestamps)
 * does not count. A Secret must be compared with its values, not as the API lists it, redacted.
 */
public final class ContentComparison {
    private ContentComparison() {
    }

    public static boolean unchanged(Resource<?, ?> desired, Resource<?, ?> stored) {
        return sameMap(desired.metadata().labels(), stored.metadata().labels())
                && sameMap(desired.metadata().annotations(), stored.metadata().annotations())
                && (Codec.sameContent(desired.content(), stored.content()) || builtFromSameSource(desired, stored));
    }

    /**
     * A package the spec gives only a source archive, whose build filled in the deployment archive,
     * is unchanged while its source, environment and build command are (as in Fission).
     */
    private static boolean builtFromSameSource(Resource<?, ?> desired, Resource<?, ?> stored) {
        if (!(desired instanceof Package want) || !(stored instanceof Package have)) return false;
        PackageSpec w = want.spec();
        PackageSpec h = have.spec();
        boolean sourceOnly = w.source() != null && !w.source().isEmpty() && (w.deployment() == null || w.deployment().isEmpty());
        return sourceOnly
                && Codec.sameContent(w.source(), h.source())
                && Codec.sameContent(w.environment(), h.environment())
                && Objects.equals(w.buildcmd(), h.buildcmd());
    }

    /** An absent map and an empty one are the same. */
    private static boolean sameMap(Map<String, String> a, Map<String, String> b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }
}
