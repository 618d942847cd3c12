package io.fissile.builder.internal;

import io.fissile.api.v1.Package;

/** A package by namespace and name, as builds are tracked. */
public record PackageKey(String namespace, String name) {

    public static PackageKey of(Package pkg) {
        return new PackageKey(pkg.namespace(), pkg.name());
    }

    @Override
    public String toString() {
        return "package \"" + namespace + "/" + name + "\"";
    }
}
