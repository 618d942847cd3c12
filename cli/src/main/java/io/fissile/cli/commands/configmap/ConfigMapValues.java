package io.fissile.cli.commands.configmap;

import io.fissile.api.v1.ConfigMap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Where a value goes in a ConfigMap, as kubectl decides: UTF-8 text in {@code data}, other bytes in {@code binaryData}. */
final class ConfigMapValues {
    private ConfigMapValues() {
    }

    /** Sets a key, taking it out of the other map if it was there. */
    static void put(ConfigMap map, String key, byte[] value) {
        String text = text(value);
        if (text != null) {
            map.data(key, text);
            if (map.binaryData() != null) map.binaryData().remove(key);
        } else {
            map.binaryData(key, value);
            if (map.data() != null) map.data().remove(key);
        }
    }

    static void remove(ConfigMap map, String key) {
        if (map.data() != null) map.data().remove(key);
        if (map.binaryData() != null) map.binaryData().remove(key);
    }

    /** The bytes as text, or null when they are not UTF-8. */
    private static String text(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
