package io.fissile.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Kubernetes object metadata, with the fields Fissile uses; others are kept as unknown fields. */
public final class ObjectMeta extends Extensible {
    public static final String DEFAULT_NAMESPACE = "default";

    private String name;
    private String namespace;
    private String uid;
    private String resourceVersion;
    private Long generation;
    private String creationTimestamp;
    private Map<String, String> labels;
    private Map<String, String> annotations;

    public String name() { return name; }
    public ObjectMeta name(String name) { this.name = name; return this; }

    /** The namespace as written; may be null or empty. */
    public String namespace() { return namespace; }
    public ObjectMeta namespace(String namespace) { this.namespace = namespace; return this; }

    /** The namespace, or {@value #DEFAULT_NAMESPACE} when none is set. */
    public String namespaceOrDefault() {
        return namespace == null || namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
    }

    public String uid() { return uid; }
    public ObjectMeta uid(String uid) { this.uid = uid; return this; }

    public String resourceVersion() { return resourceVersion; }
    public ObjectMeta resourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; return this; }

    public Long generation() { return generation; }
    public ObjectMeta generation(Long generation) { this.generation = generation; return this; }

    public String creationTimestamp() { return creationTimestamp; }
    public ObjectMeta creationTimestamp(String creationTimestamp) { this.creationTimestamp = creationTimestamp; return this; }

    public Map<String, String> labels() { return labels; }
    public ObjectMeta labels(Map<String, String> labels) { this.labels = labels; return this; }

    public ObjectMeta label(String key, String value) {
        if (labels == null) labels = new LinkedHashMap<>();
        labels.put(key, value);
        return this;
    }

    public Map<String, String> annotations() { return annotations; }
    public ObjectMeta annotations(Map<String, String> annotations) { this.annotations = annotations; return this; }

    public ObjectMeta annotation(String key, String value) {
        if (annotations == null) annotations = new LinkedHashMap<>();
        annotations.put(key, value);
        return this;
    }

    public String annotation(String key) {
        return annotations == null ? null : annotations.get(key);
    }
}
