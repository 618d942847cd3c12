package io.fissile.store.sqlite;

import io.fissile.api.Codec;
import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one writer. Each write is one transaction that reads the stored object, applies a rule,
 * stores the result with the next resource version, logs the change and compacts the log; it is
 * committed (and, with synchronous=FULL, on disk) before the call returns. Writes are serialized
 * by a lock, under which the change is also queued to the watches, so they see changes in order.
 */
final class ObjectWriter implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final Connection connection;
    private final WatchHub hub;
    private final SqliteStoreOptions options;
    private final Clock clock;
    private volatile long revision;
    /** Log times never go backwards, even if the clock does. Guarded by the lock. */
    private long lastRecordedAt;
    private boolean closed;

    private ObjectWriter(Connection connection, WatchHub hub, SqliteStoreOptions options, Clock clock,
                         long revision, long lastRecordedAt) {
        this.connection = connection;
        this.hub = hub;
        this.options = options;
        this.clock = clock;
        this.revision = revision;
        this.lastRecordedAt = lastRecordedAt;
    }

    /** Takes over an open, migrated connection and carries on from the versions it records. */
    static ObjectWriter resume(Connection connection, WatchHub hub, SqliteStoreOptions options, Clock clock) {
        Position position = Transactions.read(connection,
                c -> new Position(Meta.get(c, Meta.REVISION), EventLog.latestRecordedAt(c)));
        return new ObjectWriter(connection, hub, options, clock, position.revision(), position.lastRecordedAt());
    }

    /** Where the file's history stands: its latest resource version and the time of its newest event. */
    private record Position(long revision, long lastRecordedAt) {
    }

    /** The resource version of the latest committed write. */
    long revision() {
        return revision;
    }

    /**
     * Applies a rule to the stored object of a key (null when there is none) and stores what it
     * decides. Returns the object as stored, or the stored object when the rule changed nothing.
     */
    <R extends Resource<?, ?>> R write(Kind<R> kind, ObjectKey key, Function<R, Outcome<R>> rule) {
        lock.lock();
        try {
            if (closed) throw SqliteResourceStore.closedError();
            long version = revision + 1;
            long recordedAt = Math.max(clock.millis(), lastRecordedAt);
            Committed<R> committed = Transactions.write(connection, c -> {
                R stored = ObjectTable.find(c, key).map(json -> Codec.fromJson(json, kind.type())).orElse(null);
                Outcome<R> outcome = rule.apply(stored);
                if (!outcome.changed()) return new Committed<>(outcome.object(), null);
                ChangeEvent event = store(c, key, version, recordedAt, outcome);
                return new Committed<>(outcome.object(), event);
            });
            if (committed.event() != null) {
                revision = version;
                lastRecordedAt = recordedAt;
                hub.publish(committed.event());
            }
            return committed.object();
        } finally {
            lock.unlock();
        }
    }

    private <R extends Resource<?, ?>> ChangeEvent store(Connection c, ObjectKey key, long version, long recordedAt,
                                                        Outcome<R> outcome) throws SQLException {
        outcome.object().metadata().resourceVersion(Long.toString(version));
        String json = Codec.toJson(outcome.object());
        if (outcome.type() == WatchEvent.Type.DELETED) {
            ObjectTable.remove(c, key);
        } else {
            ObjectTable.put(c, key, json);
        }
        ChangeEvent event = new ChangeEvent(version, outcome.type(), key, json);
        EventLog.append(c, event, recordedAt);
        Meta.set(c, Meta.REVISION, version);
        EventLog.compact(c, version, options.retainedEvents(), recordedAt - options.retainedFor().toMillis());
        return event;
    }

    /** The result of a write transaction: the object to return and the change to publish, if any. */
    private record Committed<R>(R object, ChangeEvent event) {
    }

    /** Waits for a write in progress, then closes the connection; later writes fail. */
    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            connection.close();
        } finally {
            lock.unlock();
        }
    }
}
