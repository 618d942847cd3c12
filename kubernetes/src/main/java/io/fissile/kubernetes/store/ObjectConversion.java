package io.fissile.kubernetes.store;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fissile.api.Codec;
import io.fissile.api.Kind;
import io.fissile.api.Resource;

/**
 * Turns fabric8's untyped objects into Fissile's model and back, through JSON, so that every field
 * (known or not) crosses unchanged.
 */
final class ObjectConversion {
    private final KubernetesSerialization serialization;

    ObjectConversion(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    <R extends Resource<?, ?>> R toModel(Kind<R> kind, GenericKubernetesResource object) {
        return Codec.readResource(serialization.asJson(object), kind);
    }

    GenericKubernetesResource toKubernetes(Resource<?, ?> resource) {
        return serialization.unmarshal(Codec.toJson(resource), GenericKubernetesResource.class);
    }
}
