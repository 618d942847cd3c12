package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

/** A reference to a package, optionally pinned to a resource version. */
public final class PackageRef extends Extensible {
    private String namespace;
    private String name;
    @JsonProperty("resourceversion")
    private String resourceVersion;

    public String namespace() { return namespace; }
    public PackageRef namespace(String namespace) { this.namespace = namespace; return this; }

    public String name() { return name; }
    public PackageRef name(String name) { this.name = name; return this; }

    public String resourceVersion() { return resourceVersion; }
    public PackageRef resourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; return this; }

    public String namespaceOr(String fallback) {
        return namespace == null || namespace.isEmpty() ? fallback : namespace;
    }
}
