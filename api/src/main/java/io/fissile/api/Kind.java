package io.fissile.api;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A kind of resource: its name ({@code Function}), its plural as used in API paths
 * ({@code functions}) and the Java type that models it.
 */
public final class Kind<R extends Resource<?, ?>> {
    private final String apiVersion;
    private final String name;
    private final String plural;
    private final Class<R> type;
    private final Supplier<R> factory;

    public Kind(String apiVersion, String name, String plural, Class<R> type, Supplier<R> factory) {
        this.apiVersion = Objects.requireNonNull(apiVersion);
        this.name = Objects.requireNonNull(name);
        this.plural = Objects.requireNonNull(plural);
        this.type = Objects.requireNonNull(type);
        this.factory = Objects.requireNonNull(factory);
    }

    public String apiVersion() { return apiVersion; }
    public String name() { return name; }
    public String plural() { return plural; }
    public Class<R> type() { return type; }

    /** A new, empty resource of this kind. */
    public R create() {
        return factory.get();
    }

    /** A new resource of this kind with the given namespace and name. */
    public R create(String namespace, String name) {
        R resource = factory.get();
        resource.metadata().namespace(namespace).name(name);
        return resource;
    }

    /** The resource as this kind, or an IllegalArgumentException naming both kinds. */
    public R cast(Resource<?, ?> resource) {
        if (!type.isInstance(resource)) {
            throw new IllegalArgumentException("expected a " + name + " but got a " + resource.kind());
        }
        return type.cast(resource);
    }

    @Override
    public String toString() {
        return name;
    }
}
