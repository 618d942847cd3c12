package io.fissile.environments.jvm.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A request body framed by Content-Length. */
final class FixedLengthBody extends InputStream {

    private final InputBuffer in;
    private long remaining;

    FixedLengthBody(InputBuffer in, long length) {
        this.in = in;
        this.remaining = length;
    }

    long remaining() {
        return remaining;
    }

    @Override
    public int read() throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("connection closed with " + remaining + " bytes of the body unread");
        }
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int count = in.read(target, offset, (int) Math.min(length, remaining));
        if (count < 0) {
            throw new EOFException("connection closed with " + remaining + " bytes of the body unread");
        }
        remaining -= count;
        return count;
    }

    @Override
    public byte[] readAllBytes() throws IOException {
        if (remaining > Integer.MAX_VALUE - 16) {
            throw new IOException("request body of " + remaining + " bytes is too large to hold in memory");
        }
        return readNBytes((int) remaining);
    }
}
