package io.fissile.spec.internal;

import io.fissile.api.Resource;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.Reference;

import java.util.List;

/**
 * Puts objects that name no namespace into the target one, as Fission's spec apply does. A
 * function or package moved so also has its references moved with it, because Fission keeps an
 * object and what it refers to in one namespace.
 */
public final class NamespaceDefaults {
    private NamespaceDefaults() {
    }

    /** Moves the resource into {@code namespace} when it names none, or always when {@code force}. */
    public static void apply(Resource<?, ?> resource, String namespace, boolean force) {
        String written = resource.metadata().namespace();
        if (!force && written != null && !written.isEmpty()) return;
        resource.metadata().namespace(namespace);
        switch (resource) {
            case Function f -> functionReferences(f.spec(), namespace);
            case Package p -> {
                if (p.spec() != null && p.spec().environment() != null) p.spec().environment().namespace(namespace);
            }
            default -> { }
        }
    }

    private static void functionReferences(FunctionSpec spec, String namespace) {
        if (spec == null) return;
        if (spec.environment() != null) spec.environment().namespace(namespace);
        if (spec.packageRef() != null && spec.packageRef().packageRef() != null) {
            spec.packageRef().packageRef().namespace(namespace);
        }
        references(spec.secrets(), namespace);
        references(spec.configmaps(), namespace);
    }

    private static void references(List<Reference> references, String namespace) {
        if (references != null) references.stream().filter(r -> r != null).forEach(r -> r.namespace(namespace));
    }
}
