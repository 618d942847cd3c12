package io.fissile.cli.options;

import io.fissile.cli.commands.CliException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code key=value} flags into a map, keeping their order. */
public final class KeyValues {
    private KeyValues() {
    }

    public static Map<String, String> parse(String flag, List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new CliException(flag + " \"" + pair + "\" is not key=value");
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }
}
