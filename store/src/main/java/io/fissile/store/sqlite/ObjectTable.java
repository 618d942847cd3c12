package io.fissile.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code objects} table: the current state of every object, as JSON. */
final class ObjectTable {
    private ObjectTable() {
    }

    static Optional<String> find(Connection connection, ObjectKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT body FROM objects WHERE kind = ? AND namespace = ? AND name = ?")) {
            bindKey(select, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The objects of a kind in one namespace, or in all when {@code namespace} is null, by namespace and name. */
    static List<StoredObject> list(Connection connection, String kind, String namespace) throws SQLException {
        String sql = "SELECT namespace, name, body FROM objects WHERE kind = ?"
                + (namespace == null ? "" : " AND namespace = ?") + " ORDER BY namespace, name";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, kind);
            if (namespace != null) select.setString(2, namespace);
            List<StoredObject> objects = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    objects.add(new StoredObject(new ObjectKey(kind, rows.getString(1), rows.getString(2)), rows.getString(3)));
                }
            }
            return objects;
        }
    }

    static void put(Connection connection, ObjectKey key, String json) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO objects (kind, namespace, name, body) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (kind, namespace, name) DO UPDATE SET body = excluded.body")) {
            bindKey(upsert, key);
            upsert.setString(4, json);
            upsert.executeUpdate();
        }
    }

    static void remove(Connection connection, ObjectKey key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM objects WHERE kind = ? AND namespace = ? AND name = ?")) {
            bindKey(delete, key);
            delete.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement statement, ObjectKey key) throws SQLException {
        statement.setString(1, key.kind());
        statement.setString(2, key.namespace());
        statement.setString(3, key.name());
    }

    /** One row: an object's key and its JSON. */
    record StoredObject(ObjectKey key, String json) {
    }
}
