package io.fissile.router.routes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * Breaks ties between routes that match a request equally well: the older resource wins
 * (creationTimestamp), then the smaller namespace and name, so the outcome never depends on the
 * order in which the store listed the resources.
 */
public record RouteOrder(Instant created, String namespace, String name) implements Comparable<RouteOrder> {

    private static final Comparator<RouteOrder> ORDER = Comparator.comparing(RouteOrder::created)
            .thenComparing(RouteOrder::namespace)
            .thenComparing(RouteOrder::name);

    /** Reads a Kubernetes creationTimestamp; an absent or unreadable one sorts after every other. */
    public static RouteOrder of(String creationTimestamp, String namespace, String name) {
        return new RouteOrder(parse(creationTimestamp), namespace, name == null ? "" : name);
    }

    private static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isEmpty()) return Instant.MAX;
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return Instant.MAX;
        }
    }

    @Override
    public int compareTo(RouteOrder other) {
        return ORDER.compare(this, other);
    }
}
