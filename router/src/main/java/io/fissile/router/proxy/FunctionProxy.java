package io.fissile.router.proxy;

import io.fissile.executor.FunctionExecutor;
import io.fissile.router.RouterObserver;
import io.fissile.router.RouterOptions;
import io.netty.channel.EventLoop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every connection of the router shares: the route table, the executor that leases instances,
 * the options, and each event loop's pool of connections to instances (a request and the
 * connection it uses share a thread).
 */
final class FunctionProxy {
    private final RouteTableUpdater routes;
    private final FunctionExecutor executor;
    private final RouterOptions options;
    private final RouterObserver observer;
    private final Transport transport;
    private final Map<EventLoop, InstancePool> pools = new ConcurrentHashMap<>();

    FunctionProxy(RouteTableUpdater routes, FunctionExecutor executor, RouterOptions options, Transport transport) {
        this.transport = transport;
        this.routes = routes;
        this.executor = executor;
        this.options = options;
        this.observer = options.observer();
    }

    /** The loop's pool; the connections allowed per instance are shared out between the loops. */
    InstancePool pool(EventLoop loop) {
        return pools.computeIfAbsent(loop, l -> new InstancePool(l, transport,
                Math.ceilDiv(options.maxConnectionsPerInstance(), options.eventLoops()),
                options.instanceKeepAliveSeconds(), options.connectTimeoutMillis()));
    }

    RouteTableUpdater routes() {
        return routes;
    }

    FunctionExecutor executor() {
        return executor;
    }

    RouterOptions options() {
        return options;
    }

    RouterObserver observer() {
        return observer;
    }
}
