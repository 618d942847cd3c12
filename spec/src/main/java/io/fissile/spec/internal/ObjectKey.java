package io.fissile.spec.internal;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.v1.Kinds;

/** What identifies a stored object: kind, namespace and name. */
public record ObjectKey(Kind<?> kind, String namespace, String name) {

    public static ObjectKey of(Resource<?, ?> resource) {
        return new ObjectKey(Kinds.of(resource), resource.namespace(), resource.name());
    }

    @Override
    public String toString() {
        return kind.name() + " \"" + namespace + "/" + name + "\"";
    }
}
