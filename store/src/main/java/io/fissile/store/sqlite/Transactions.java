package io.fissile.store.sqlite;

import io.fissile.store.StoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs work in one SQLite transaction. The transaction statements are issued directly (the
 * connection stays in auto-commit mode) so that nothing is begun or held between transactions.
 */
final class Transactions {
    private Transactions() {
    }

    /** A read transaction: every statement sees the same snapshot of the database. */
    static <T> T read(Connection connection, SqlWork<T> work) {
        return run(connection, "BEGIN DEFERRED", work);
    }

    /** A write transaction: takes the file's write lock at once, so it cannot fail halfway on a lock upgrade. */
    static <T> T write(Connection connection, SqlWork<T> work) {
        return run(connection, "BEGIN IMMEDIATE", work);
    }

    private static <T> T run(Connection connection, String begin, SqlWork<T> work) {
        try {
            execute(connection, begin);
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            T result = work.run(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(connection, e);
            throw failure(e);
        } catch (RuntimeException | Error e) {
            rollback(connection, e);
            throw e;
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static StoreException failure(SQLException e) {
        return new StoreException("the store's database failed: " + e.getMessage(), e);
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            // A failed COMMIT can end the transaction itself; the first failure is the one to report.
            cause.addSuppressed(e);
        }
    }
}
