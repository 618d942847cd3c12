package io.fissile.router.proxy;

import io.netty.buffer.ByteBuf;

import java.util.function.LongConsumer;

/**
 * Two connections joined after a protocol switch (a WebSocket): bytes pass both ways as they come,
 * each way with back-pressure, without being parsed. When either side closes, both are closed,
 * and the tunnel reports once, with the bytes that went to the client.
 */
final class Tunnel implements InstanceConnection.InstanceListener {
    private final ClientConnection client;
    private final InstanceConnection instance;
    private final LongConsumer closed;
    private long bytesToClient;
    private boolean closing;
    private boolean reported;

    private Tunnel(ClientConnection client, InstanceConnection instance, LongConsumer closed) {
        this.client = client;
        this.instance = instance;
        this.closed = closed;
    }

    /**
     * Starts relaying.
     *
     * @param early  what the instance sent right after its answer, for the client
     * @param closed called once, when the tunnel closed, with the bytes relayed to the client
     */
    static void open(ClientConnection client, InstanceConnection instance, ByteBuf early, LongConsumer closed) {
        Tunnel tunnel = new Tunnel(client, instance, closed);
        instance.use(tunnel);
        if (early.isReadable()) tunnel.received(early);
        else {
            early.release();
            client.flush();
        }
        client.startTunnel(tunnel);
    }

    void fromClient(ByteBuf data) {
        if (closing) {
            data.release();
            return;
        }
        instance.write(data);
        instance.flush();
        if (!instance.channel().isWritable()) client.setReading(false);
    }

    @Override
    public void received(ByteBuf pending) {
        int length = pending.readableBytes();
        bytesToClient += length;
        client.write(pending.readRetainedSlice(length));
        client.flush();
        if (!client.isWritable()) instance.setReading(false);
    }

    @Override
    public void readComplete() {
    }

    @Override
    public void writabilityChanged() {
        if (instance.channel().isWritable()) client.setReading(true);
    }

    void clientWritabilityChanged() {
        if (client.isWritable()) instance.setReading(true);
    }

    @Override
    public void closed() {
        sideClosed();
    }

    void clientClosed() {
        sideClosed();
    }

    /** Closing flushes what was written first, so a close frame relayed just before still arrives. */
    private void sideClosed() {
        if (!closing) {
            closing = true;
            client.closeAfterWrites();
            instance.closeAfterWrites();
        }
        if (!instance.channel().isActive() && !client.channel().isActive() && !reported) {
            reported = true;
            instance.release(false);
            closed.accept(bytesToClient);
        }
    }
}
