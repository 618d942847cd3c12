package io.fissile.store.sqlite;

import io.fissile.api.FieldError;
import io.fissile.api.InvalidResourceException;
import io.fissile.api.Kind;
import io.fissile.api.ObjectMeta;
import io.fissile.api.Resource;

import java.util.Objects;

/** What identifies a stored object: its kind, namespace (never empty) and name. */
record ObjectKey(String kind, String namespace, String name) {

    static ObjectKey of(Kind<?> kind, String namespace, String name) {
        Objects.requireNonNull(name, "name");
        return new ObjectKey(kind.name(), namespaceOrDefault(namespace), name);
    }

    /** The key of an object passed in for writing, which must have a name. */
    static ObjectKey of(Kind<?> kind, Resource<?, ?> resource) {
        String namespace = resource.namespace();
        String name = resource.name();
        if (name == null || name.isEmpty()) {
            throw new InvalidResourceException(kind.name() + " in namespace \"" + namespace + "\"",
                    new FieldError("metadata.name", "is required"));
        }
        return new ObjectKey(kind.name(), namespace, name);
    }

    static String namespaceOrDefault(String namespace) {
        return namespace == null || namespace.isEmpty() ? ObjectMeta.DEFAULT_NAMESPACE : namespace;
    }

    /** {@code Function "default/hello"}, for messages. */
    String describe() {
        return kind + " \"" + namespace + "/" + name + "\"";
    }
}
