package io.fissile.router.proxy.wire;

import io.netty.buffer.ByteBuf;

/**
 * Follows the chunked transfer coding (RFC 9112 section 7.1) byte by byte through the framing and
 * in leaps through the data, to find where the message ends and where its data lies. Chunk
 * extensions and trailer fields are passed over as they are.
 */
public final class ChunkedBody extends Body {
    private enum State { SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER_START, TRAILER, TRAILER_END_LF, END }

    private static final long MAX_CHUNK = 1L << 40;

    private State state = State.SIZE;
    private long size;
    private boolean sawDigit;
    private long remaining;

    @Override
    public Framing framing() {
        return Framing.CHUNKED;
    }

    @Override
    public boolean ended() {
        return state == State.END;
    }

    @Override
    public int take(ByteBuf in, DataRanges data) throws BadMessageException {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int i = start;
        while (i < end && state != State.END) {
            if (state == State.DATA) {
                int leap = (int) Math.min(remaining, end - i);
                if (data != null) data.data(i, leap);
                dataBytes += leap;
                remaining -= leap;
                i += leap;
                if (remaining == 0) state = State.DATA_CR;
                continue;
            }
            step(in.getByte(i++));
        }
        return i - start;
    }

    private void step(byte b) throws BadMessageException {
        switch (state) {
            case SIZE -> {
                int digit = Character.digit(b, 16);
                if (digit >= 0) {
                    size = size * 16 + digit;
                    sawDigit = true;
                    if (size > MAX_CHUNK) throw malformed();
                } else if (!sawDigit) {
                    throw malformed();
                } else if (b == ';' || b == ' ' || b == '\t') {
                    state = State.EXTENSION;
                } else if (b == '\r') {
                    state = State.SIZE_LF;
                } else if (b == '\n') {
                    sizeLineEnded();
                } else {
                    throw malformed();
                }
            }
            case EXTENSION -> {
                if (b == '\n') sizeLineEnded();
            }
            case SIZE_LF -> {
                if (b != '\n') throw malformed();
                sizeLineEnded();
            }
            case DATA_CR -> {
                if (b == '\r') state = State.DATA_LF;
                else if (b == '\n') nextChunk();
                else throw malformed();
            }
            case DATA_LF -> {
                if (b != '\n') throw malformed();
                nextChunk();
            }
            case TRAILER_START -> {
                if (b == '\r') state = State.TRAILER_END_LF;
                else if (b == '\n') state = State.END;
                else state = State.TRAILER;
            }
            case TRAILER -> {
                if (b == '\n') state = State.TRAILER_START;
            }
            case TRAILER_END_LF -> {
                if (b != '\n') throw malformed();
                state = State.END;
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void sizeLineEnded() {
        if (size == 0) {
            state = State.TRAILER_START;
        } else {
            remaining = size;
            state = State.DATA;
        }
    }

    private void nextChunk() {
        size = 0;
        sawDigit = false;
        state = State.SIZE;
    }

    private static BadMessageException malformed() {
        return new BadMessageException(400, "malformed chunked body");
    }
}
