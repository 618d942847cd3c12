package io.fissile.router.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;

/** Bytes read but not handled yet, joined with what comes next. */
final class Cumulation {
    static final ByteBuf EMPTY = Unpooled.EMPTY_BUFFER;

    private Cumulation() {
    }

    /** {@code held} followed by {@code more}; takes over both references. */
    static ByteBuf append(ByteBufAllocator alloc, ByteBuf held, ByteBuf more) {
        if (!held.isReadable()) {
            held.release();
            return more;
        }
        // A buffer still shared (slices of it are on their way out) must not be written to.
        if (held.refCnt() == 1 && !held.isReadOnly() && held.maxWritableBytes() >= more.readableBytes()) {
            held.discardSomeReadBytes();
            held.writeBytes(more);
            more.release();
            return held;
        }
        ByteBuf joined = alloc.directBuffer(held.readableBytes() + more.readableBytes());
        joined.writeBytes(held).writeBytes(more);
        held.release();
        more.release();
        return joined;
    }

    /** Releases {@code held} once all of it was handled, so a connection at rest holds no buffer. */
    static ByteBuf trim(ByteBuf held) {
        if (held != EMPTY && !held.isReadable()) {
            held.release();
            return EMPTY;
        }
        return held;
    }
}
