package io.fissile.controller.resources;

import io.fissile.api.Kind;
import io.fissile.api.v1.Kinds;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The paths under {@code /v2/} where each kind's collection is served: its plural, and Fission's older names. */
public final class KindPaths {
    private static final Map<String, Kind<?>> PATHS = paths();

    private KindPaths() {
    }

    /** Path (relative to {@code /v2/}) to kind, plurals first. */
    public static Map<String, Kind<?>> all() {
        return PATHS;
    }

    public static Optional<Kind<?>> kindAt(String path) {
        return Optional.ofNullable(PATHS.get(path));
    }

    /** For messages: "environments, packages, … (also triggers/http, …)". */
    public static String describe() {
        StringBuilder plurals = new StringBuilder();
        StringBuilder aliases = new StringBuilder();
        PATHS.forEach((path, kind) -> {
            StringBuilder target = path.equals(kind.plural()) ? plurals : aliases;
            if (!target.isEmpty()) target.append(", ");
            target.append(path);
        });
        return plurals + " (Fission's " + aliases + " also work)";
    }

    private static Map<String, Kind<?>> paths() {
        Map<String, Kind<?>> paths = new LinkedHashMap<>();
        Kinds.all().forEach(kind -> paths.put(kind.plural(), kind));
        paths.put("triggers/http", Kinds.HTTP_TRIGGER);
        paths.put("triggers/time", Kinds.TIME_TRIGGER);
        paths.put("triggers/messagequeue", Kinds.MESSAGE_QUEUE_TRIGGER);
        paths.put("watches", Kinds.KUBERNETES_WATCH_TRIGGER);
        return Collections.unmodifiableMap(paths);
    }
}
