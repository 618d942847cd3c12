package io.fissile.store.sqlite;

import io.fissile.api.WatchEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code events} table: every change, written in the transaction of the change itself, so
 * that a watch replays exactly what happened. Its timestamps never go backwards (the writer sees
 * to that), which lets compaction find the events older than its window with one index lookup.
 */
final class EventLog {
    private EventLog() {
    }

    static void append(Connection connection, ChangeEvent event, long recordedAtMillis) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO events (resource_version, type, kind, namespace, name, body, recorded_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, event.resourceVersion());
            insert.setString(2, event.type().name());
            insert.setString(3, event.key().kind());
            insert.setString(4, event.key().namespace());
            insert.setString(5, event.key().name());
            insert.setString(6, event.json());
            insert.setLong(7, recordedAtMillis);
            insert.executeUpdate();
        }
    }

    /** The changes to a kind (in one namespace, or all when null) after a resource version, oldest first. */
    static List<ChangeEvent> after(Connection connection, long resourceVersion, String kind, String namespace)
            throws SQLException {
        String sql = "SELECT resource_version, type, namespace, name, body FROM events"
                + " WHERE resource_version > ? AND kind = ?" + (namespace == null ? "" : " AND namespace = ?")
                + " ORDER BY resource_version";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, resourceVersion);
            select.setString(2, kind);
            if (namespace != null) select.setString(3, namespace);
            List<ChangeEvent> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new ChangeEvent(rows.getLong(1), WatchEvent.Type.valueOf(rows.getString(2)),
                            new ObjectKey(kind, rows.getString(3), rows.getString(4)), rows.getString(5)));
                }
            }
            return events;
        }
    }

    /** The time of the newest event, or 0 for an empty log. */
    static long latestRecordedAt(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT max(recorded_at) FROM events");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /**
     * Drops the events that are both outside the newest {@code retainedEvents} and older than
     * {@code cutoffMillis}, and returns the resource version the log is now compacted through.
     */
    static long compact(Connection connection, long latestVersion, int retainedEvents, long cutoffMillis)
            throws SQLException {
        long compactedThrough = Meta.get(connection, Meta.COMPACTED_THROUGH);
        long beyondCount = latestVersion - retainedEvents;
        if (beyondCount <= compactedThrough) return compactedThrough;
        long through = Math.min(beyondCount, newestRecordedBefore(connection, cutoffMillis));
        if (through <= compactedThrough) return compactedThrough;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM events WHERE resource_version <= ?")) {
            delete.setLong(1, through);
            delete.executeUpdate();
        }
        Meta.set(connection, Meta.COMPACTED_THROUGH, through);
        return through;
    }

    private static long newestRecordedBefore(Connection connection, long cutoffMillis) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT resource_version FROM events WHERE recorded_at < ?"
                        + " ORDER BY recorded_at DESC, resource_version DESC LIMIT 1")) {
            select.setLong(1, cutoffMillis);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}
