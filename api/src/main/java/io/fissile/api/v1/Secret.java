package io.fissile.api.v1;

import io.fissile.api.Codec;
import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes Secret ({@code apiVersion: v1}): named values a function reads as files under
 * {@code /secrets/<namespace>/<name>/<key>}. {@code data} holds bytes (base64 in JSON and YAML);
 * {@code stringData} is accepted on input and folded into {@code data} when stored, as Kubernetes does.
 * <p>
 * Values leave the server only when asked for explicitly: everywhere else the API shows a
 * {@link #redacted()} copy, whose {@code dataSizes} tell each key's size in place of its value.
 */
public final class Secret extends Resource<NoSpec, ResourceStatus> {
    public static final String OPAQUE = "Opaque";

    private String type;
    private Boolean immutable;
    private Map<String, byte[]> data;
    private Map<String, String> stringData;
    private Map<String, Integer> dataSizes;

    public Secret() {
        super(Kinds.CORE_API_VERSION, "Secret", null);
    }

    /** Kubernetes' secret type; {@value #OPAQUE} when stored without one. */
    public String type() { return type; }
    public Secret type(String type) { this.type = type; return this; }

    public Boolean immutable() { return immutable; }
    public Secret immutable(Boolean immutable) { this.immutable = immutable; return this; }

    /** The values by key, or null. */
    public Map<String, byte[]> data() { return data; }
    public Secret data(Map<String, byte[]> data) { this.data = data; return this; }

    /** Sets one value, keeping the others. */
    public Secret data(String key, byte[] value) {
        if (data == null) data = new LinkedHashMap<>();
        data.put(key, value);
        return this;
    }

    /** Values written as text, input only: {@link #normalize()} moves them into {@code data}. */
    public Map<String, String> stringData() { return stringData; }
    public Secret stringData(Map<String, String> stringData) { this.stringData = stringData; return this; }

    /** In a redacted copy, each key's size in bytes; null in a secret that holds its values. */
    public Map<String, Integer> dataSizes() { return dataSizes; }

    /** True for a copy made by {@link #redacted()}. */
    public boolean isRedacted() {
        return dataSizes != null;
    }

    /**
     * Folds {@code stringData} into {@code data} (a key in both takes the stringData value, as in
     * Kubernetes) and sets the type to {@value #OPAQUE} when none is given. Returns this secret.
     */
    public Secret normalize() {
        if (stringData != null) {
            stringData.forEach((key, value) -> data(key, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8)));
            stringData = null;
        }
        if (type == null || type.isEmpty()) type = OPAQUE;
        return this;
    }

    /** A normalized copy without values: the same metadata and type, and the size of each key's value in {@code dataSizes}. */
    public Secret redacted() {
        Secret copy = Codec.copy(this).normalize();
        copy.dataSizes = new TreeMap<>();
        if (copy.data != null) copy.data.forEach((key, value) -> copy.dataSizes.put(key, value == null ? 0 : value.length));
        copy.data = null;
        return copy;
    }

    /** Type, immutability and values, with {@code stringData} folded in: what a change to the secret changes. */
    @Override
    public Object content() {
        Secret folded = Codec.copy(this).normalize();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", folded.type);
        content.put("immutable", folded.immutable);
        content.put("data", folded.data == null ? Map.of() : folded.data);
        return content;
    }
}
