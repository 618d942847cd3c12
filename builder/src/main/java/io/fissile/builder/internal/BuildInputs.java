package io.fissile.builder.internal;

import io.fissile.api.Codec;
import io.fissile.api.v1.Package;

import java.util.Arrays;

/**
 * What a package's build depends on: its source, build command and environment. A build whose
 * package changed these meanwhile is stale: its result is thrown away and the package built again.
 *
 * @param fingerprint the three, as JSON, for comparing
 */
public record BuildInputs(String fingerprint) {

    public static BuildInputs of(Package pkg) {
        return new BuildInputs(Codec.toJson(Arrays.asList(pkg.spec().source(), pkg.spec().buildcmd(),
                pkg.spec().environment() == null ? null : pkg.spec().environment().namespaceOr(pkg.namespace()),
                pkg.spec().environment() == null ? null : pkg.spec().environment().name())));
    }

    /** True when the package has a source archive to build. */
    public static boolean hasSource(Package pkg) {
        return pkg.spec().source() != null && !pkg.spec().source().isEmpty();
    }
}
