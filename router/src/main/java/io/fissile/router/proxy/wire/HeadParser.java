package io.fissile.router.proxy.wire;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Reads HTTP/1.x message heads straight from the bytes received. A head that has not all arrived
 * yet consumes nothing (it is read again, whole, once more bytes came: heads are small and usually
 * arrive in one read). Field values are decoded as ISO-8859-1, so every byte passes on unchanged.
 */
public final class HeadParser {
    /** The largest head accepted; a longer one is answered 431 (nginx and Go allow less or about this). */
    public static final int MAX_HEAD_BYTES = 32 * 1024;

    private HeadParser() {
    }

    /** Reads a request head, or returns null (consuming nothing) when its end has not arrived. */
    public static RequestHead request(ByteBuf in) throws BadMessageException {
        int start = in.readerIndex();
        int end = in.writerIndex();
        // A server ignores blank lines before a request line (RFC 9112 section 2.2).
        while (start < end && (in.getByte(start) == '\r' || in.getByte(start) == '\n')) start++;
        int lineEnd = lineEnd(in, start, end);
        if (lineEnd < 0) return null;
        int firstSpace = in.indexOf(start, lineEnd, (byte) ' ');
        int secondSpace = firstSpace < 0 ? -1 : in.indexOf(firstSpace + 1, lineEnd, (byte) ' ');
        if (firstSpace <= start || secondSpace <= firstSpace + 1) throw new BadMessageException(400, "malformed request line");
        String method = ascii(in, start, firstSpace);
        if (!isToken(method)) throw new BadMessageException(400, "malformed request method");
        String target = ascii(in, firstSpace + 1, secondSpace);
        if (!isVisible(target)) throw new BadMessageException(400, "malformed request target");
        int minor = version(in, secondSpace + 1, trimCr(in, secondSpace + 1, lineEnd));
        HeaderList headers = new HeaderList();
        int next = fields(in, lineEnd + 1, end, headers);
        if (next < 0) return null;
        in.readerIndex(next);
        return new RequestHead(method, target, minor, headers);
    }

    /** Reads a response head, or returns null (consuming nothing) when its end has not arrived. */
    public static ResponseHead response(ByteBuf in) throws BadMessageException {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int lineEnd = lineEnd(in, start, end);
        if (lineEnd < 0) return null;
        int lineStop = trimCr(in, start, lineEnd);
        int space = in.indexOf(start, lineStop, (byte) ' ');
        if (space < 0 || lineStop - space < 4) throw new BadMessageException(502, "malformed status line");
        int minor = version(in, start, space);
        int status = 0;
        for (int i = space + 1; i < space + 4; i++) {
            byte digit = in.getByte(i);
            if (digit < '0' || digit > '9') throw new BadMessageException(502, "malformed status code");
            status = status * 10 + digit - '0';
        }
        if (status < 100) throw new BadMessageException(502, "malformed status code");
        String reason = lineStop > space + 5 ? ascii(in, space + 5, lineStop) : "";
        HeaderList headers = new HeaderList();
        int next = fields(in, lineEnd + 1, end, headers);
        if (next < 0) return null;
        in.readerIndex(next);
        return new ResponseHead(minor, status, reason, headers);
    }

    /** Reads field lines up to the blank line; returns the index after it, or -1 when it has not arrived. */
    private static int fields(ByteBuf in, int from, int end, HeaderList headers) throws BadMessageException {
        int position = from;
        while (true) {
            int lineEnd = lineEnd(in, position, end);
            if (lineEnd < 0) return -1;
            int stop = trimCr(in, position, lineEnd);
            if (stop == position) return lineEnd + 1;
            byte first = in.getByte(position);
            if (first == ' ' || first == '\t') throw new BadMessageException(400, "obsolete line folding in a header field");
            int colon = in.indexOf(position, stop, (byte) ':');
            if (colon <= position) throw new BadMessageException(400, "malformed header field");
            String name = ascii(in, position, colon);
            if (!isToken(name)) throw new BadMessageException(400, "malformed header field name '" + name + "'");
            int valueStart = colon + 1;
            int valueEnd = stop;
            while (valueStart < valueEnd && isSpace(in.getByte(valueStart))) valueStart++;
            while (valueEnd > valueStart && isSpace(in.getByte(valueEnd - 1))) valueEnd--;
            String value = ascii(in, valueStart, valueEnd);
            if (!isFieldValue(value)) throw new BadMessageException(400, "control character in header field " + name);
            headers.add(name, value);
            position = lineEnd + 1;
        }
    }

    /** The index of the line's LF, or -1; throws 431 once the head would pass its limit. */
    private static int lineEnd(ByteBuf in, int from, int end) throws BadMessageException {
        int limit = Math.min(end, in.readerIndex() + MAX_HEAD_BYTES);
        int lf = in.indexOf(from, limit, (byte) '\n');
        if (lf < 0 && end - in.readerIndex() >= MAX_HEAD_BYTES) {
            throw new BadMessageException(431, "message head larger than " + MAX_HEAD_BYTES + " bytes");
        }
        return lf;
    }

    private static int trimCr(ByteBuf in, int from, int lf) {
        return lf > from && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
    }

    private static int version(ByteBuf in, int from, int to) throws BadMessageException {
        if (to - from != 8 || in.getByte(from) != 'H' || in.getByte(from + 1) != 'T' || in.getByte(from + 2) != 'T'
                || in.getByte(from + 3) != 'P' || in.getByte(from + 4) != '/' || in.getByte(from + 6) != '.') {
            throw new BadMessageException(400, "malformed HTTP version");
        }
        if (in.getByte(from + 5) != '1') throw new BadMessageException(505, "only HTTP/1.0 and HTTP/1.1 are spoken here");
        byte minor = in.getByte(from + 7);
        if (minor != '0' && minor != '1') throw new BadMessageException(505, "only HTTP/1.0 and HTTP/1.1 are spoken here");
        return minor - '0';
    }

    private static String ascii(ByteBuf in, int from, int to) {
        return in.toString(from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    /** True for a non-empty RFC 9110 token: a method, a field name, a plain parameter value. */
    public static boolean isToken(String value) {
        if (value.isEmpty()) return false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isVisible(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7F) return false;
        }
        return true;
    }

    private static boolean isFieldValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7F) return false;
        }
        return true;
    }
}
