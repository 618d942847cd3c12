package io.fissile.store.sqlite;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SqliteResourceStore} keeps its change log and serves its callers.
 *
 * @param retainedEvents     the change log keeps at least this many of the latest events...
 * @param retainedFor        ...and every event younger than this; a watch from a version older than
 *                           what is kept fails with an {@link io.fissile.store.ExpiredException}
 * @param watchQueueCapacity events a watch may fall behind before it is closed
 * @param busyTimeout        how long a statement waits for a lock on the file before failing
 * @param readConnections    reads that may run at once
 */
public record SqliteStoreOptions(int retainedEvents, Duration retainedFor, int watchQueueCapacity,
                                 Duration busyTimeout, int readConnections) {

    private static final SqliteStoreOptions DEFAULTS =
            new SqliteStoreOptions(10_000, Duration.ofHours(1), 10_000, Duration.ofSeconds(10), 4);

    public SqliteStoreOptions {
        Objects.requireNonNull(retainedFor, "retainedFor");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (retainedEvents < 0) throw new IllegalArgumentException("retainedEvents must not be negative");
        if (retainedFor.isNegative()) throw new IllegalArgumentException("retainedFor must not be negative");
        if (watchQueueCapacity < 1) throw new IllegalArgumentException("watchQueueCapacity must be at least 1");
        if (busyTimeout.isNegative()) throw new IllegalArgumentException("busyTimeout must not be negative");
        if (readConnections < 1) throw new IllegalArgumentException("readConnections must be at least 1");
    }

    /** 10,000 events and one hour of history, watches 10,000 events deep, 10 s busy timeout, 4 readers. */
    public static SqliteStoreOptions defaults() {
        return DEFAULTS;
    }

    public SqliteStoreOptions withRetainedEvents(int retainedEvents) {
        return new SqliteStoreOptions(retainedEvents, retainedFor, watchQueueCapacity, busyTimeout, readConnections);
    }

    public SqliteStoreOptions withRetainedFor(Duration retainedFor) {
        return new SqliteStoreOptions(retainedEvents, retainedFor, watchQueueCapacity, busyTimeout, readConnections);
    }

    public SqliteStoreOptions withWatchQueueCapacity(int watchQueueCapacity) {
        return new SqliteStoreOptions(retainedEvents, retainedFor, watchQueueCapacity, busyTimeout, readConnections);
    }

    public SqliteStoreOptions withBusyTimeout(Duration busyTimeout) {
        return new SqliteStoreOptions(retainedEvents, retainedFor, watchQueueCapacity, busyTimeout, readConnections);
    }

    public SqliteStoreOptions withReadConnections(int readConnections) {
        return new SqliteStoreOptions(retainedEvents, retainedFor, watchQueueCapacity, busyTimeout, readConnections);
    }
}
