package io.fissile.api.v1;

import io.fissile.api.Extensible;

/** A reference to an object by name, in the referring object's namespace unless one is given. */
public final class Reference extends Extensible {
    private String namespace;
    private String name;

    /** The namespace as written; empty means the referring object's own. */
    public String namespace() { return namespace; }
    public Reference namespace(String namespace) { this.namespace = namespace; return this; }

    public String name() { return name; }
    public Reference name(String name) { this.name = name; return this; }

    public static Reference to(String name) { return new Reference().name(name); }

    /** The namespace to look in: the one written, or else {@code fallback}. */
    public String namespaceOr(String fallback) {
        return namespace == null || namespace.isEmpty() ? fallback : namespace;
    }
}
