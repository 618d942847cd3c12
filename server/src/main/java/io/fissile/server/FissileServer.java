package io.fissile.server;

import io.fissile.api.LabelSelector;
import io.fissile.api.v1.Kinds;
import io.fissile.controller.Controller;
import io.fissile.controller.ControllerOptions;
import io.fissile.server.internal.DataDirectoryLock;
import io.fissile.storage.ArchivePruner;
import io.fissile.storage.fs.FileArchiveStore;
import io.fissile.store.ResourceStore;
import io.fissile.store.sqlite.SqliteResourceStore;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one server: store, archive storage and controller API in one process, on one data
 * directory. Starting returns once every port is bound; closing stops them in reverse order.
 */
public final class FissileServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FissileServer.class);
    /** An upload must not be pruned before the package that uses it is created. */
    private static final Duration ARCHIVE_GRACE = Duration.ofHours(1);
    private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(10);

    private final ServerOptions options;
    private final Deque<AutoCloseable> closeInReverse = new ArrayDeque<>();
    private Controller controller;

    private FissileServer(ServerOptions options) {
        this.options = options;
    }

    public static FissileServer start(ServerOptions options) throws IOException {
        FissileServer server = new FissileServer(options);
        try {
            server.startComponents();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void startComponents() throws IOException {
        closeInReverse.push(DataDirectoryLock.acquire(options.dataDirectory()));

        ResourceStore store = SqliteResourceStore.open(options.dataDirectory().resolve("fissile.db"));
        closeInReverse.push(store);
        FileArchiveStore archives = FileArchiveStore.open(options.dataDirectory().resolve("archives"));

        Vertx vertx = Vertx.vertx();
        closeInReverse.push(() -> vertx.close().await());

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("fissile-scheduler").daemon().factory());
        closeInReverse.push(scheduler::shutdownNow);
        ArchivePruner pruner = new ArchivePruner(archives,
                () -> store.list(Kinds.PACKAGE, null, LabelSelector.everything()).items(), ARCHIVE_GRACE, Clock.systemUTC());
        scheduler.scheduleWithFixedDelay(pruner::pruneOnce, PRUNE_INTERVAL.toMinutes(), PRUNE_INTERVAL.toMinutes(), TimeUnit.MINUTES);

        ControllerOptions controllerOptions = ControllerOptions.defaults()
                .withHost(options.address())
                .withPort(options.apiPort())
                .withMaxArchiveBytes(options.maxArchiveBytes())
                .withVersion(Version.current());
        controller = Controller.start(vertx, controllerOptions, store, archives).await();
        closeInReverse.push(() -> controller.close().await());
    }

    /** The controller's port (the one chosen when the options asked for 0). */
    public int apiPort() {
        return controller.port();
    }

    /** Where the CLI reaches the controller. */
    public URI apiUrl() {
        return URI.create("http://" + hostForUrl(options.address()) + ":" + apiPort());
    }

    public ServerOptions options() {
        return options;
    }

    /** Stops everything started, newest first; a part that fails to stop does not keep the others running. */
    @Override
    public void close() {
        while (!closeInReverse.isEmpty()) {
            try {
                closeInReverse.pop().close();
            } catch (Exception e) {
                log.warn("while stopping: {}", e.toString());
            }
        }
    }

    private static String hostForUrl(String address) {
        if (address.equals("0.0.0.0")) return "127.0.0.1";
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
