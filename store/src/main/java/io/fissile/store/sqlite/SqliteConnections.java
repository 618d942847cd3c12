package io.fissile.store.sqlite;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to the database file, set up for durability and for readers beside one writer. */
final class SqliteConnections {
    /** Past this size the write-ahead log is truncated after a checkpoint, so one burst does not keep the disk. */
    private static final int WAL_SIZE_LIMIT = 64 * 1024 * 1024;

    private SqliteConnections() {
    }

    /**
     * The writer: WAL so that readers and the writer do not block each other, and synchronous=FULL
     * so that the log is on disk when a commit returns.
     */
    static Connection writer(Path file, SqliteStoreOptions options) throws SQLException {
        SQLiteConfig config = common(options);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setJournalSizeLimit(WAL_SIZE_LIMIT);
        return config.createConnection(url(file));
    }

    /** A reader; it refuses writes, so that only the writer (and its lock) ever changes the file. */
    static Connection reader(Path file, SqliteStoreOptions options) throws SQLException {
        Connection connection = common(options).createConnection(url(file));
        try {
            Transactions.execute(connection, "PRAGMA query_only = 1");
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static SQLiteConfig common(SqliteStoreOptions options) {
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        return config;
    }

    private static String url(Path file) {
        return "jdbc:sqlite:" + file;
    }
}
