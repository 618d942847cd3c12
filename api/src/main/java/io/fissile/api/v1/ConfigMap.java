package io.fissile.api.v1;

import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Kubernetes ConfigMap ({@code apiVersion: v1}): settings a function reads as files under
 * {@code /configs/<namespace>/<name>/<key>}. Text values go in {@code data}, others in
 * {@code binaryData} (base64 in JSON and YAML); a key may be in only one of them.
 */
public final class ConfigMap extends Resource<NoSpec, ResourceStatus> {
    private Boolean immutable;
    private Map<String, String> data;
    private Map<String, byte[]> binaryData;

    public ConfigMap() {
        super(Kinds.CORE_API_VERSION, "ConfigMap", null);
    }

    public Boolean immutable() { return immutable; }
    public ConfigMap immutable(Boolean immutable) { this.immutable = immutable; return this; }

    /** Text values by key, or null. */
    public Map<String, String> data() { return data; }
    public ConfigMap data(Map<String, String> data) { this.data = data; return this; }

    /** Sets one text value, keeping the others. */
    public ConfigMap data(String key, String value) {
        if (data == null) data = new LinkedHashMap<>();
        data.put(key, value);
        return this;
    }

    /** Values that are not UTF-8 text, by key, or null. */
    public Map<String, byte[]> binaryData() { return binaryData; }
    public ConfigMap binaryData(Map<String, byte[]> binaryData) { this.binaryData = binaryData; return this; }

    /** Sets one binary value, keeping the others. */
    public ConfigMap binaryData(String key, byte[] value) {
        if (binaryData == null) binaryData = new LinkedHashMap<>();
        binaryData.put(key, value);
        return this;
    }

    /** Immutability and values: what a change to the config map changes. */
    @Override
    public Object content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("immutable", immutable);
        content.put("data", data == null ? Map.of() : data);
        content.put("binaryData", binaryData == null ? Map.of() : binaryData);
        return content;
    }
}
