package io.fissile.store.sqlite;

import io.fissile.store.StoreException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of read connections, each used by one thread at a time. In WAL mode a reader sees
 * the last commit before its transaction began and is never held up by the writer.
 */
final class ReadConnections implements AutoCloseable {
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    private ReadConnections(List<Connection> connections) {
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    static ReadConnections open(Path file, SqliteStoreOptions options) throws SQLException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < options.readConnections(); i++) {
                connections.add(SqliteConnections.reader(file, options));
            }
        } catch (SQLException e) {
            for (Connection c : connections) closeQuietly(c, e);
            throw e;
        }
        return new ReadConnections(connections);
    }

    /** Runs the work in one read transaction, on a free connection. */
    <T> T read(SqlWork<T> work) {
        Connection connection = borrow();
        try {
            return Transactions.read(connection, work);
        } finally {
            giveBack(connection);
        }
    }

    private Connection borrow() {
        try {
            while (!closed) {
                Connection connection = idle.poll(100, TimeUnit.MILLISECONDS);
                if (connection != null) return connection;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to read the store", e);
        }
        throw SqliteResourceStore.closedError();
    }

    private void giveBack(Connection connection) {
        idle.add(connection);
        // close() may have drained the queue before this connection came back.
        if (closed) drain();
    }

    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection, null);
        }
    }

    private static void closeQuietly(Connection connection, Throwable primary) {
        try {
            connection.close();
        } catch (SQLException e) {
            if (primary != null) primary.addSuppressed(e);
        }
    }
}
