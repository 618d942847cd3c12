package io.fissile.router.proxy.wire;

import io.netty.buffer.ByteBuf;

/**
 * Where one message's body ends in the byte stream (RFC 9112 section 6): the proxy passes the
 * bytes on as they are and asks only how many of those at hand still belong to the message.
 */
public abstract sealed class Body permits Body.Empty, Body.Sized, Body.UntilClose, ChunkedBody {
    /** The body's data bytes seen so far, without chunk framing. */
    protected long dataBytes;

    /** How the bytes of a body are framed on the wire. */
    public enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    public abstract Framing framing();

    /**
     * Of the readable bytes of {@code in}, how many belong to this body; consumes none. Afterwards
     * {@link #ended()} says whether they complete it.
     *
     * @param data told where the data lies among those bytes, without framing; may be null
     */
    public abstract int take(ByteBuf in, DataRanges data) throws BadMessageException;

    public abstract boolean ended();

    public final long dataBytes() {
        return dataBytes;
    }

    /** Told of the data within the bytes a {@link #take} claimed. */
    @FunctionalInterface
    public interface DataRanges {
        void data(int index, int length);
    }

    /** A request's body, framed as its head says; bad framing is refused as request smuggling would need it. */
    public static Body ofRequest(RequestHead head) throws BadMessageException {
        HeaderList headers = head.headers();
        String coding = headers.get("Transfer-Encoding");
        if (coding != null) {
            if (head.isHttp10()) throw new BadMessageException(400, "Transfer-Encoding in an HTTP/1.0 request");
            if (headers.count("Transfer-Encoding") > 1 || !isChunkedLast(coding)) {
                throw new BadMessageException(501, "only the chunked transfer coding is supported");
            }
            if (headers.contains("Content-Length")) throw new BadMessageException(400, "both Transfer-Encoding and Content-Length");
            return new ChunkedBody();
        }
        long length = contentLength(headers, 400);
        return length <= 0 ? new Empty() : new Sized(length);
    }

    /** A response's body, framed as its head and the request's method say. */
    public static Body ofResponse(ResponseHead head, boolean requestWasHead) throws BadMessageException {
        int status = head.status();
        if (requestWasHead || status < 200 || status == 204 || status == 304) return new Empty();
        HeaderList headers = head.headers();
        String coding = headers.get("Transfer-Encoding");
        if (coding != null) return isChunkedLast(coding) ? new ChunkedBody() : new UntilClose();
        long length = contentLength(headers, 502);
        if (length == 0) return new Empty();
        return length > 0 ? new Sized(length) : new UntilClose();
    }

    /** The Content-Length, -1 when there is none; differing or malformed values are refused with {@code status}. */
    private static long contentLength(HeaderList headers, int status) throws BadMessageException {
        long length = -1;
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.name(i).equalsIgnoreCase("Content-Length")) continue;
            long value = parseLength(headers.value(i));
            if (value < 0 || length >= 0 && value != length) throw new BadMessageException(status, "malformed Content-Length");
            length = value;
        }
        return length;
    }

    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 18) return -1;
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') return -1;
            length = length * 10 + c - '0';
        }
        return length;
    }

    private static boolean isChunkedLast(String coding) {
        int comma = coding.lastIndexOf(',');
        return coding.substring(comma + 1).trim().equalsIgnoreCase("chunked");
    }

    /** No body at all. */
    public static final class Empty extends Body {
        @Override public Framing framing() { return Framing.NONE; }
        @Override public int take(ByteBuf in, DataRanges data) { return 0; }
        @Override public boolean ended() { return true; }
    }

    /** Exactly Content-Length bytes. */
    public static final class Sized extends Body {
        private final long length;
        private long remaining;

        public Sized(long length) {
            this.length = length;
            this.remaining = length;
        }

        public long length() {
            return length;
        }

        @Override public Framing framing() { return Framing.LENGTH; }

        @Override
        public int take(ByteBuf in, DataRanges data) {
            int taken = (int) Math.min(remaining, in.readableBytes());
            if (data != null && taken > 0) data.data(in.readerIndex(), taken);
            remaining -= taken;
            dataBytes += taken;
            return taken;
        }

        @Override public boolean ended() { return remaining == 0; }
    }

    /** Everything until the sender closes its connection (responses only). */
    public static final class UntilClose extends Body {
        @Override public Framing framing() { return Framing.UNTIL_CLOSE; }

        @Override
        public int take(ByteBuf in, DataRanges data) {
            int taken = in.readableBytes();
            if (data != null && taken > 0) data.data(in.readerIndex(), taken);
            dataBytes += taken;
            return taken;
        }

        @Override public boolean ended() { return false; }
    }
}
