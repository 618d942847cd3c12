package io.fissile.cli.output;

import io.fissile.api.v1.ResourceRequirements;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** How values read in a table cell. Absent numbers show as 0 and absent text as nothing, as Fission's tables show unset fields. */
public final class Cells {
    private Cells() {
    }

    public static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Collection<?> list -> list.stream().map(Cells::text).collect(Collectors.joining(","));
            case Map<?, ?> map -> map.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
                    .collect(Collectors.joining(","));
            default -> String.valueOf(value);
        };
    }

    /** A number that may be unset. */
    public static String number(Number value) {
        return value == null ? "0" : value.toString();
    }

    /** A flag that may be unset. */
    public static String bool(Boolean value) {
        return Boolean.toString(Boolean.TRUE.equals(value));
    }

    /** A requested quantity ({@code --mincpu}, {@code --minmemory}); {@code 0} when unset, as Kubernetes prints it. */
    public static String request(ResourceRequirements resources, String name) {
        return quantity(resources == null ? null : resources.requests(), name);
    }

    /** A quantity's limit ({@code --maxcpu}, {@code --maxmemory}); {@code 0} when unset. */
    public static String limit(ResourceRequirements resources, String name) {
        return quantity(resources == null ? null : resources.limits(), name);
    }

    private static String quantity(Map<String, String> values, String name) {
        String value = values == null ? null : values.get(name);
        return value == null || value.isEmpty() ? "0" : value;
    }
}
