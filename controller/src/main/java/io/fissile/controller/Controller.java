package io.fissile.controller;

import io.fissile.controller.archives.ArchiveHandlers;
import io.fissile.controller.http.Blocking;
import io.fissile.controller.http.Dispatcher;
import io.fissile.controller.http.OpenStreams;
import io.fissile.controller.http.Route;
import io.fissile.controller.logs.LogHandlers;
import io.fissile.controller.resources.ResourceHandlers;
import io.fissile.controller.system.MetricsHandlers;
import io.fissile.controller.system.SystemHandlers;
import io.fissile.runtime.FunctionLogs;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.ResourceStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The controller: the REST API of docs/api.md over a {@link ResourceStore}, an {@link ArchiveStore}
 * and the runtime's {@link FunctionLogs}, served by Vert.x, with the platform's metrics when given a
 * {@link MetricsSource}. The store, archives and logs stay the caller's to close.
 *
 * <pre>{@code
 * Controller controller = Controller.start(vertx, ControllerOptions.defaults(), store, archives, logs).await();
 * ...
 * controller.close().await();
 * }</pre>
 */
public final class Controller {
    private static final Logger log = LoggerFactory.getLogger(Controller.class);
    /** Store and file calls are short; this many may run at once. */
    private static final int WORKER_THREADS = 16;
    /** How long stopping waits for requests under way. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final HttpServer server;
    private final WorkerExecutor workers;
    private final OpenStreams openStreams;
    private Future<Void> closing;

    private Controller(HttpServer server, WorkerExecutor workers, OpenStreams openStreams) {
        this.server = server;
        this.workers = workers;
        this.openStreams = openStreams;
    }

    /**
     * Starts listening, serving function logs from {@code logs} (the same ones the runtime writes);
     * the future completes once the port is bound.
     */
    public static Future<Controller> start(Vertx vertx, ControllerOptions options, ResourceStore store, ArchiveStore archives,
                                           FunctionLogs logs) {
        return listen(vertx, options, store, archives, Objects.requireNonNull(logs, "logs"), null);
    }

    /**
     * Starts listening as above, and also serves {@code GET /metrics} from {@code metrics}: the
     * all-in-one server's one place for Prometheus to scrape.
     */
    public static Future<Controller> start(Vertx vertx, ControllerOptions options, ResourceStore store, ArchiveStore archives,
                                           FunctionLogs logs, MetricsSource metrics) {
        return listen(vertx, options, store, archives, Objects.requireNonNull(logs, "logs"),
                Objects.requireNonNull(metrics, "metrics"));
    }

    /** Starts listening without function logs: {@code GET /v2/functions/{name}/logs} answers 503. */
    public static Future<Controller> start(Vertx vertx, ControllerOptions options, ResourceStore store, ArchiveStore archives) {
        return listen(vertx, options, store, archives, null, null);
    }

    private static Future<Controller> listen(Vertx vertx, ControllerOptions options, ResourceStore store, ArchiveStore archives,
                                             FunctionLogs logs, MetricsSource metrics) {
        WorkerExecutor workers = vertx.createSharedWorkerExecutor("fissile-controller", WORKER_THREADS);
        Blocking blocking = new Blocking(workers);
        OpenStreams openStreams = new OpenStreams();

        List<Route> routes = new ArrayList<>();
        routes.addAll(new SystemHandlers(store, options.version()).routes());
        if (metrics != null) routes.addAll(new MetricsHandlers(metrics).routes());
        routes.addAll(new ArchiveHandlers(archives, store, options.maxArchiveBytes()).routes());
        routes.addAll(new LogHandlers(store, logs, options.watchBacklogBytes(), openStreams).routes());
        routes.addAll(new ResourceHandlers(store, options.maxBodyBytes(), options.watchBacklogBytes(), openStreams).routes());

        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                // The API is HTTP/1.1, as Fission's is: chunked watch streams, and early answers
                // that close their connection. Clients asking to upgrade to h2c stay on HTTP/1.1.
                .setHttp2ClearTextEnabled(false)
                .setTcpNoDelay(true));
        return server.requestHandler(new Dispatcher(vertx, blocking, routes))
                .listen()
                .map(listening -> {
                    log.info("controller listening on {}:{}", options.host(), listening.actualPort());
                    return new Controller(listening, workers, openStreams);
                })
                .onFailure(failure -> workers.close());
    }

    /** The port the controller listens on (the one chosen when the options asked for 0). */
    public int port() {
        return server.actualPort();
    }

    /**
     * Stops: watch and log streams end as if the store or log had closed them, requests under way
     * get a few seconds to finish, then the connections close. Closing again returns the same future.
     */
    public synchronized Future<Void> close() {
        if (closing == null) {
            closing = openStreams.endAll()
                    .eventually(() -> server.shutdown(SHUTDOWN_GRACE))
                    .eventually(workers::close)
                    .onComplete(ignored -> log.info("controller stopped"));
        }
        return closing;
    }
}
