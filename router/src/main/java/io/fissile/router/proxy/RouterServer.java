package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.executor.FunctionExecutor;
import io.fissile.router.Router;
import io.fissile.router.RouterOptions;
import io.fissile.store.Informer;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.net.BindException;
import java.util.List;

/** The running router: the route table kept current and one {@link RouterVerticle} per event loop. */
public final class RouterServer implements Router {
    private static final Logger log = LoggerFactory.getLogger(RouterServer.class);

    private final Vertx vertx;
    private final RouteTableUpdater routes;
    private final FunctionExecutor executor;
    private final List<String> deployments = new ArrayList<>();
    private int port;

    private RouterServer(Vertx vertx, RouteTableUpdater routes, FunctionExecutor executor) {
        this.vertx = vertx;
        this.routes = routes;
        this.executor = executor;
    }

    public static Future<Router> start(Vertx vertx, RouterOptions options, Informer<HTTPTrigger> triggers,
                                       Informer<Function> functions, FunctionExecutor executor) {
        RouterOptions settings = new RouterOptions(options);
        RouteTableUpdater routes = new RouteTableUpdater(triggers, functions);
        RouterServer server = new RouterServer(vertx, routes, executor);
        return Future.fromCompletionStage(routes.start())
                .compose(v -> server.listen(settings, 3))
                .<Router>map(server)
                .onFailure(e -> server.close());
    }

    /**
     * One server per event loop, all on one port: Vert.x shares the listening socket between them.
     * Vert.x cannot share a port it has not been told, so port 0 first becomes a port found free
     * (tried again, should another process take it in between).
     */
    private Future<Void> listen(RouterOptions settings, int triesLeft) {
        int chosen = settings.port() != 0 ? settings.port() : FreePort.on(settings.host());
        HttpServerOptions options = serverOptions(settings, chosen);
        return vertx.deployVerticle(() -> new RouterVerticle(options, settings, routes, executor),
                new DeploymentOptions().setInstances(settings.eventLoops())).map(id -> {
            deployments.add(id);
            port = chosen;
            log.info("router listening on {}:{} with {} event loops", settings.host(), port, settings.eventLoops());
            return (Void) null;
        }).recover(failure -> settings.port() == 0 && triesLeft > 1 && failure instanceof BindException
                ? listen(settings, triesLeft - 1)
                : Future.failedFuture(failure));
    }

    private static HttpServerOptions serverOptions(RouterOptions settings, int port) {
        return new HttpServerOptions()
                .setHost(settings.host())
                .setPort(port)
                .setTcpNoDelay(true)
                .setCompressionSupported(false)
                .setDecompressionSupported(false)
                // WebSockets pass through untouched, extensions negotiated end to end.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                .setHandle100ContinueAutomatically(false);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Future<Void> close() {
        routes.stop();
        List<Future<Void>> stopping = new ArrayList<>();
        for (String id : deployments) stopping.add(vertx.undeploy(id));
        deployments.clear();
        return Future.join(stopping).mapEmpty();
    }
}
