package io.fissile.api.internal;

import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for the values of Secrets and ConfigMaps: keys that are safe file names, and
 * at most 1 MiB in all. Messages name keys, never values.
 */
final class DataRules {
    /** Kubernetes' limit on a Secret or ConfigMap, which etcd sets. */
    static final int SIZE_LIMIT = 1024 * 1024;
    private static final int KEY_LENGTH_LIMIT = 253;
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private DataRules() {
    }

    static void secret(Secret secret, Problems p) {
        if (secret.isRedacted()) {
            p.add("dataSizes", "is what the server shows in place of values, not something to write: "
                    + "send the values in data or stringData");
        }
        long size = keys(secret.data(), p.at("data")) + keys(secret.stringData(), p.at("stringData"));
        if (secret.data() != null) {
            for (byte[] value : secret.data().values()) size += value == null ? 0 : value.length;
        }
        if (secret.stringData() != null) size += textSize(secret.stringData());
        limit(size, p);
    }

    static void configMap(ConfigMap map, Problems p) {
        long size = keys(map.data(), p.at("data")) + keys(map.binaryData(), p.at("binaryData"));
        if (map.data() != null) size += textSize(map.data());
        if (map.binaryData() != null) {
            for (byte[] value : map.binaryData().values()) size += value == null ? 0 : value.length;
            if (map.data() != null) {
                map.binaryData().keySet().stream().filter(map.data()::containsKey).forEach(key ->
                        p.at("binaryData").add(key, "is also a key of data; a key may be in only one of them"));
            }
        }
        limit(size, p);
    }

    /** Checks every key of a map and returns their total length. */
    private static long keys(Map<String, ?> values, Problems p) {
        if (values == null) return 0;
        long size = 0;
        for (String key : values.keySet()) {
            p.check(key, key(key));
            size += key.length();
        }
        return size;
    }

    /** A key becomes a file name: letters, digits, '-', '_' and '.', but not "." or "..". */
    static String key(String key) {
        if (key.isEmpty()) return "a key must not be empty";
        if (key.length() > KEY_LENGTH_LIMIT) return "key is longer than " + KEY_LENGTH_LIMIT + " characters";
        if (!KEY.matcher(key).matches() || key.equals(".") || key.equals("..")) {
            return "key \"" + key + "\" must be letters, digits, '-', '_' or '.' (it becomes a file name)";
        }
        return null;
    }

    private static long textSize(Map<String, String> values) {
        long size = 0;
        for (String value : values.values()) size += value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        return size;
    }

    private static void limit(long size, Problems p) {
        if (size > SIZE_LIMIT) p.add("", "holds " + size + " bytes; at most " + SIZE_LIMIT + " (1 MiB) are allowed");
    }
}
