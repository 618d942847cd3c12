package io.fissile.router.proxy;

import io.fissile.router.RouterOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/** How each event loop's client talks to instances: kept-alive, unpipelined, pooled within limits. */
final class InstanceClientOptions {

    private InstanceClientOptions() {
    }

    static HttpClientOptions client(RouterOptions settings) {
        return new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(settings.instanceKeepAliveSeconds())
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setConnectTimeout(settings.connectTimeoutMillis())
                .setDecompressionSupported(false);
    }

    /** The connections allowed per instance, split between the event loops, each having at least one. */
    static PoolOptions pool(RouterOptions settings) {
        int perLoop = Math.ceilDiv(settings.maxConnectionsPerInstance(), settings.eventLoops());
        return new PoolOptions().setHttp1MaxSize(perLoop);
    }
}
