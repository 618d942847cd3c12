package io.fissile.router.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * Two connections joined after a protocol switch (a WebSocket): bytes pass both ways as they come,
 * each way with back-pressure, without being parsed. When either side closes or fails, both are
 * closed, and the tunnel reports once, with the bytes that went to the client.
 */
final class Tunnel {
    private final NetSocket client;
    private final NetSocket instance;
    private final Handler<Long> closed;
    private long bytesToClient;
    private int socketsOpen = 2;

    private Tunnel(NetSocket client, NetSocket instance, Handler<Long> closed) {
        this.client = client;
        this.instance = instance;
        this.closed = closed;
    }

    /**
     * Starts relaying. {@code instance} should be paused until now, so that nothing it sent right
     * after its answer is lost.
     *
     * @param closed called once both sockets are closed, with the bytes relayed to the client
     */
    static void open(NetSocket client, NetSocket instance, Handler<Long> closed) {
        Tunnel tunnel = new Tunnel(client, instance, closed);
        tunnel.relay(client, instance, false);
        tunnel.relay(instance, client, true);
        instance.resume();
    }

    private void relay(NetSocket from, NetSocket to, boolean towardClient) {
        from.handler(data -> forward(data, from, to, towardClient));
        from.exceptionHandler(failure -> closeBoth());
        from.closeHandler(v -> socketClosed());
    }

    private void forward(Buffer data, NetSocket from, NetSocket to, boolean towardClient) {
        if (towardClient) bytesToClient += data.length();
        to.write(data);
        if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(v -> from.resume());
        }
    }

    private void socketClosed() {
        closeBoth();
        if (--socketsOpen == 0) closed.handle(bytesToClient);
    }

    /** Closing flushes what was written first, so a close frame relayed just before still arrives. */
    private void closeBoth() {
        client.close();
        instance.close();
    }
}
