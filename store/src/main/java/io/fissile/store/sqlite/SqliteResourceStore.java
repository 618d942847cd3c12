package io.fissile.store.sqlite;

import io.fissile.api.Kind;
import io.fissile.api.LabelSelector;
import io.fissile.api.Resource;
import io.fissile.api.ResourceList;
import io.fissile.api.v1.Kinds;
import io.fissile.store.ResourceStore;
import io.fissile.store.StoreException;
import io.fissile.store.Watch;
import io.fissile.store.WatchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded {@link ResourceStore}: one SQLite file in WAL mode with synchronous=FULL, so that
 * a write acknowledged is a write kept, even through {@code kill -9} or a power cut.
 * <p>
 * Objects are kept as JSON (unknown fields included) beside a log of every change, written in the
 * same transaction, from which watches replay. The log keeps at least the latest
 * {@link SqliteStoreOptions#retainedEvents()} events and all of the last
 * {@link SqliteStoreOptions#retainedFor()}. One writer connection serves writes in turn; reads
 * use connections of their own and do not wait for writes. A file is open in one store at a time.
 */
public final class SqliteResourceStore implements ResourceStore {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteResourceStore.class);

    private final Path file;
    private final SqliteStoreOptions options;
    private final Clock clock;
    private final DatabaseLock lock;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final WatchHub hub;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SqliteResourceStore(Path file, SqliteStoreOptions options, Clock clock, DatabaseLock lock,
                                ObjectWriter writer, ObjectReader reader, WatchHub hub) {
        this.file = file;
        this.options = options;
        this.clock = clock;
        this.lock = lock;
        this.writer = writer;
        this.reader = reader;
        this.hub = hub;
    }

    /** Opens the store in a file, creating the file, its directories and its tables as needed. */
    public static SqliteResourceStore open(Path databaseFile) {
        return open(databaseFile, SqliteStoreOptions.defaults());
    }

    /** Opens the store in a file with the given options. */
    public static SqliteResourceStore open(Path databaseFile, SqliteStoreOptions options) {
        Path file = databaseFile.toAbsolutePath();
        Objects.requireNonNull(options, "options");
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            Files.createDirectories(file.getParent());
            DatabaseLock lock = remember(opened, DatabaseLock.acquire(file));
            Connection writeConnection = remember(opened, SqliteConnections.writer(file, options));
            Schema.migrate(writeConnection);
            WatchHub hub = new WatchHub();
            Clock clock = Clock.systemUTC();
            ObjectWriter writer = ObjectWriter.resume(writeConnection, hub, options, clock);
            ObjectReader reader = new ObjectReader(remember(opened, ReadConnections.open(file, options)));
            LOG.info("Opened the store {} at resource version {}", file, writer.revision());
            return new SqliteResourceStore(file, options, clock, lock, writer, reader, hub);
        } catch (IOException | SQLException | RuntimeException e) {
            closeAll(opened.reversed(), e);
            if (e instanceof StoreException storeException) throw storeException;
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <R extends Resource<?, ?>> Optional<R> get(Kind<R> kind, String namespace, String name) {
        requireOpen();
        return reader.get(kind, ObjectKey.of(kind, namespace, name));
    }

    @Override
    public <R extends Resource<?, ?>> ResourceList<R> list(Kind<R> kind, String namespace, LabelSelector selector) {
        requireOpen();
        String inNamespace = namespace == null ? null : ObjectKey.namespaceOrDefault(namespace);
        return reader.list(kind, inNamespace, selector == null ? LabelSelector.everything() : selector);
    }

    @Override
    public <R extends Resource<?, ?>> R create(R resource) {
        Kind<R> kind = Kinds.of(resource);
        ObjectKey key = ObjectKey.of(kind, resource);
        return writer.write(kind, key, stored -> WriteRules.create(stored, resource, key, clock.instant()));
    }

    @Override
    public <R extends Resource<?, ?>> R update(R resource) {
        Kind<R> kind = Kinds.of(resource);
        ObjectKey key = ObjectKey.of(kind, resource);
        return writer.write(kind, key, stored -> WriteRules.update(stored, resource, key));
    }

    @Override
    public <R extends Resource<?, ?>> R updateStatus(R resource) {
        Kind<R> kind = Kinds.of(resource);
        ObjectKey key = ObjectKey.of(kind, resource);
        return writer.write(kind, key, stored -> WriteRules.updateStatus(stored, resource, key));
    }

    @Override
    public <R extends Resource<?, ?>> R delete(Kind<R> kind, String namespace, String name) {
        ObjectKey key = ObjectKey.of(kind, namespace, name);
        return writer.write(kind, key, stored -> WriteRules.delete(stored, key));
    }

    @Override
    public <R extends Resource<?, ?>> Watch watch(Kind<R> kind, String namespace, String fromResourceVersion,
                                                 WatchListener<R> listener) {
        requireOpen();
        Objects.requireNonNull(listener, "listener");
        String inNamespace = namespace == null ? null : ObjectKey.namespaceOrDefault(namespace);
        Long after = parseVersion(fromResourceVersion);
        WatchSubscription<R> subscription = new WatchSubscription<>(kind, inNamespace, listener,
                options.watchQueueCapacity(), hub::remove);
        // Registered before the starting point is read, so that no change falls between the two.
        hub.register(subscription);
        try {
            ObjectReader.Replay replay = after == null
                    ? reader.existing(kind, inNamespace)
                    : reader.changesAfter(kind, inNamespace, after);
            subscription.start(replay.events(), replay.through());
            return subscription;
        } catch (RuntimeException e) {
            hub.remove(subscription);
            throw e;
        }
    }

    @Override
    public String currentResourceVersion() {
        return Long.toString(writer.revision());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        hub.closeAll();
        List<AutoCloseable> parts = List.of(writer, reader, lock);
        StoreException failure = new StoreException("closing the store " + file + " failed");
        closeAll(parts, failure);
        if (failure.getSuppressed().length > 0) throw failure;
        LOG.info("Closed the store {}", file);
    }

    static StoreException closedError() {
        return new StoreException("the store is closed");
    }

    private void requireOpen() {
        if (closed.get()) throw closedError();
    }

    /**
     * A version to watch from; none (null, empty or "0", which Kubernetes reads as "any version")
     * means from the current state.
     */
    private static Long parseVersion(String resourceVersion) {
        if (resourceVersion == null || resourceVersion.isEmpty() || resourceVersion.equals("0")) return null;
        try {
            long version = Long.parseLong(resourceVersion);
            if (version < 0) throw new NumberFormatException();
            return version;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("resourceVersion \"" + resourceVersion
                    + "\" is not a resource version of this store (a non-negative whole number)");
        }
    }

    private static <T extends AutoCloseable> T remember(List<AutoCloseable> opened, T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private static void closeAll(List<AutoCloseable> closeables, Throwable failure) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
