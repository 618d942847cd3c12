package io.fissile.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The store's counters, kept in the {@code meta} table so that they survive deleting objects and compacting events. */
final class Meta {
    /** The resource version of the latest write. */
    static final String REVISION = "revision";
    /** Events up to and including this resource version are no longer in the log. */
    static final String COMPACTED_THROUGH = "compacted_through";

    private Meta() {
    }

    static long get(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    static void set(Connection connection, String key, long value) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE meta SET value = ? WHERE key = ?")) {
            update.setLong(1, value);
            update.setString(2, key);
            update.executeUpdate();
        }
    }
}
