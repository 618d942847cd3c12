package io.fissile.router.proxy;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;

/** What the router does to either side's connection: pause reading, close after the writes, or cut. */
final class Channels {

    private Channels() {
    }

    static void setReading(Channel channel, boolean reading) {
        if (channel.config().isAutoRead() != reading) channel.config().setAutoRead(reading);
    }

    /** Closes once what was written has gone out. */
    static void closeAfterWrites(Channel channel) {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /** Closes at once, with a reset, so the other side sees the exchange cut off, not ended. */
    static void reset(Channel channel) {
        if (!channel.isActive()) return;
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        channel.close();
    }
}
