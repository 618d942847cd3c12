package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fissile.api.Kind;
import io.fissile.api.v1.Kinds;

/**
 * Where each kind lives in the Kubernetes API: the fission.io/v1 custom resources (with a status
 * subresource, as Fission defines them) and the core v1 Secret and ConfigMap.
 */
final class ResourceDefinitions {
    private ResourceDefinitions() {
    }

    static ResourceDefinitionContext of(Kind<?> kind) {
        String apiVersion = kind.apiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(version)
                .withKind(kind.name())
                .withPlural(kind.plural())
                .withNamespaced(true)
                .build();
    }

    /** Fission's kinds keep status in a subresource; Secret and ConfigMap have no status at all. */
    static boolean hasStatus(Kind<?> kind) {
        return Kinds.API_VERSION.equals(kind.apiVersion());
    }
}
