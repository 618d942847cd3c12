package io.fissile.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * One connection to an instance, kept alive between requests. What arrives on it goes to the
 * exchange using it (or, after a protocol switch, to its tunnel); bytes nobody asked for close it.
 */
final class InstanceConnection extends ChannelInboundHandlerAdapter {
    private final InstancePool pool;
    private final InstancePool.Slot slot;
    private Channel channel;
    private InstanceListener user;
    private ByteBuf pending = Cumulation.EMPTY;
    private long idleSince;

    /** Hears what happens on the connection while it serves a request. */
    interface InstanceListener {
        /** More bytes came; {@code pending} holds those not handled yet. */
        void received(ByteBuf pending);

        void readComplete();

        void writabilityChanged();

        void closed();
    }

    InstanceConnection(InstancePool pool, InstancePool.Slot slot) {
        this.pool = pool;
        this.slot = slot;
    }

    InstancePool.Slot slot() {
        return slot;
    }

    Channel channel() {
        return channel;
    }

    /** Lends the connection to {@code listener}, reading (back-pressure may have paused it last time). */
    void use(InstanceListener listener) {
        this.user = listener;
        setReading(true);
    }

    /** Hands the connection back to the pool: reusable only when nothing was left unread on it. */
    void release(boolean reusable) {
        user = null;
        boolean clean = reusable && !pending.isReadable();
        pending = Cumulation.trim(pending);
        pool.release(this, clean);
    }

    boolean isOpen() {
        return channel != null && channel.isActive();
    }

    long idleSince() {
        return idleSince;
    }

    void idleSince(long nanos) {
        idleSince = nanos;
    }

    void write(ByteBuf data) {
        channel.write(data, channel.voidPromise());
    }

    void flush() {
        channel.flush();
    }

    void setReading(boolean reading) {
        Channels.setReading(channel, reading);
    }

    /** Closes once what was written has gone out. */
    void closeAfterWrites() {
        if (channel != null) Channels.closeAfterWrites(channel);
    }

    void close() {
        if (channel != null) channel.close();
    }

    /** Closes at once, with a reset, so the function sees its request cut off, not ended. */
    void reset() {
        if (channel != null) Channels.reset(channel);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        if (user == null) { // an idle connection is not spoken to
            bytes.release();
            ctx.close();
            return;
        }
        pending = Cumulation.append(ctx.alloc(), pending, bytes);
        user.received(pending);
        pending = Cumulation.trim(pending);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (user != null) user.readComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (user != null) user.writabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (pending != Cumulation.EMPTY) pending.release();
        pending = Cumulation.EMPTY;
        InstanceListener listener = user;
        user = null;
        if (listener != null) listener.closed();
        else pool.closedWhileIdle(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // the user hears of it as the close
    }
}
