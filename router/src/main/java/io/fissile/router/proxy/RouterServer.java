package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.executor.FunctionExecutor;
import io.fissile.router.Router;
import io.fissile.router.RouterOptions;
import io.fissile.store.Informer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The running router: the route table kept current, and a listening socket whose connections are
 * spread over the router's own event loops. HTTP/1.1 is read and written here directly as bytes
 * (see {@link ClientConnection}): a proxy needs only the heads, and passing the bodies on as they
 * came is what lets it keep up with nginx.
 */
public final class RouterServer implements Router {
    private static final Logger log = LoggerFactory.getLogger(RouterServer.class);

    private final RouteTableUpdater routes;
    private final EventLoopGroup loops;
    private Channel listening;
    private int port;

    private RouterServer(RouteTableUpdater routes, EventLoopGroup loops) {
        this.routes = routes;
        this.loops = loops;
    }

    public static Future<Router> start(RouterOptions options, Informer<HTTPTrigger> triggers,
                                       Informer<Function> functions, FunctionExecutor executor) {
        RouterOptions settings = new RouterOptions(options);
        RouteTableUpdater routes = new RouteTableUpdater(triggers, functions);
        Transport transport = Transport.best();
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(settings.eventLoops(),
                new DefaultThreadFactory("fissile-router", true), transport.ioHandlers());
        RouterServer server = new RouterServer(routes, loops);
        FunctionProxy proxy = new FunctionProxy(routes, executor, settings, transport);
        return Future.fromCompletionStage(routes.start())
                .compose(v -> server.listen(settings, proxy, transport))
                .<Router>map(server)
                .onFailure(e -> server.close());
    }

    private Future<Void> listen(RouterOptions settings, FunctionProxy proxy, Transport transport) {
        Promise<Void> bound = Promise.promise();
        new ServerBootstrap()
                .group(loops)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new ClientConnection(proxy));
                    }
                })
                .bind(settings.host(), settings.port())
                .addListener(done -> {
                    if (!done.isSuccess()) {
                        bound.fail(done.cause());
                        return;
                    }
                    listening = ((io.netty.channel.ChannelFuture) done).channel();
                    port = ((InetSocketAddress) listening.localAddress()).getPort();
                    log.info("router listening on {}:{} with {} event loops ({})", settings.host(), port, settings.eventLoops(), transport.name());
                    bound.complete();
                });
        return bound.future();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Future<Void> close() {
        routes.stop();
        if (listening != null) listening.close();
        Promise<Void> closed = Promise.promise();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(done -> closed.complete());
        return closed.future();
    }
}
