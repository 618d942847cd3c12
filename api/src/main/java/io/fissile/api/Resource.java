package io.fissile.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.Objects;

/**
 * A stored object: {@code apiVersion}, {@code kind}, {@code metadata}, {@code spec} and an optional
 * {@code status}. Spec and status are updated apart: a status write never changes the spec.
 *
 * @param <S> the spec type
 * @param <T> the status type
 */
public abstract class Resource<S extends Extensible, T extends Extensible> extends Extensible {
    private String apiVersion;
    private String kind;
    @JsonSetter(nulls = Nulls.SKIP)
    private ObjectMeta metadata = new ObjectMeta();
    @JsonSetter(nulls = Nulls.SKIP)
    private S spec;
    private T status;

    protected Resource(String apiVersion, String kind, S spec) {
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.spec = spec;
    }

    public String apiVersion() { return apiVersion; }
    public String kind() { return kind; }

    public ObjectMeta metadata() { return metadata; }
    public Resource<S, T> metadata(ObjectMeta metadata) { this.metadata = Objects.requireNonNull(metadata); return this; }

    public S spec() { return spec; }
    public Resource<S, T> spec(S spec) { this.spec = spec; return this; }

    /** The status, or null when none has been written. */
    public T status() { return status; }
    public Resource<S, T> status(T status) { this.status = status; return this; }

    /**
     * What the object holds for its users, apart from metadata and status: its spec, or for a kind
     * without one (Secret, ConfigMap) its values. Two objects with the same content ask for the same.
     */
    public Object content() {
        return spec;
    }

    /** Shorthand for {@code metadata().name()}. */
    public String name() { return metadata.name(); }

    /** Shorthand for {@code metadata().namespaceOrDefault()}. */
    public String namespace() { return metadata.namespaceOrDefault(); }

    /** "Kind namespace/name", for messages. */
    public String describe() {
        return kind + " \"" + namespace() + "/" + name() + "\"";
    }
}
