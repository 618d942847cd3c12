package io.fissile.store.sqlite;

import io.fissile.store.StoreException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the store and how to bring an older file up to date. The file records its schema
 * version in {@code PRAGMA user_version}; each step below moves it up by one, in its own transaction.
 */
final class Schema {

    /** Step {@code i} turns version {@code i} into version {@code i + 1}. */
    private static final List<List<String>> STEPS = List.of(
            List.of(
                    // Counters: the latest resource version and the newest one compacted out of the log.
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
                    "INSERT INTO meta (key, value) VALUES ('" + Meta.REVISION + "', 0), ('" + Meta.COMPACTED_THROUGH + "', 0)",
                    "CREATE TABLE objects (kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,"
                            + " body TEXT NOT NULL, PRIMARY KEY (kind, namespace, name)) WITHOUT ROWID",
                    "CREATE TABLE events (resource_version INTEGER PRIMARY KEY, type TEXT NOT NULL, kind TEXT NOT NULL,"
                            + " namespace TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL, recorded_at INTEGER NOT NULL)",
                    "CREATE INDEX events_by_time ON events (recorded_at, resource_version)"));

    static final int VERSION = STEPS.size();

    private Schema() {
    }

    /** Creates the tables of a new file or migrates an older one; refuses a file from a newer Fissile. */
    static void migrate(Connection connection) {
        int version = Transactions.read(connection, Schema::version);
        if (version > VERSION) {
            throw new StoreException("the store's database has schema version " + version
                    + " but this Fissile reads up to version " + VERSION + "; use a newer Fissile");
        }
        for (int step = version; step < VERSION; step++) {
            List<String> statements = STEPS.get(step);
            int next = step + 1;
            Transactions.write(connection, c -> {
                for (String sql : statements) {
                    Transactions.execute(c, sql);
                }
                Transactions.execute(c, "PRAGMA user_version = " + next);
                return null;
            });
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
