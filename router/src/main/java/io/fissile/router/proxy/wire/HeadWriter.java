package io.fissile.router.proxy.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;

/** Writes message heads, and the framing of chunks, as bytes. Text is ISO-8859-1, as it was read. */
public final class HeadWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    private HeadWriter() {
    }

    public static ByteBuf request(ByteBufAllocator alloc, String method, String target, HeaderList headers) {
        ByteBuf out = alloc.directBuffer(method.length() + target.length() + 11 + size(headers));
        latin1(out, method).writeByte(' ');
        latin1(out, target).writeBytes(" HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        return fields(out, headers);
    }

    public static ByteBuf response(ByteBufAllocator alloc, int status, String reason, HeaderList headers) {
        ByteBuf out = alloc.directBuffer(15 + reason.length() + size(headers));
        out.writeByte('H').writeByte('T').writeByte('T').writeByte('P').writeByte('/').writeByte('1').writeByte('.').writeByte('1')
                .writeByte(' ').writeByte('0' + status / 100).writeByte('0' + status / 10 % 10).writeByte('0' + status % 10)
                .writeByte(' ');
        latin1(out, reason).writeBytes(CRLF);
        return fields(out, headers);
    }

    /** The line that opens a chunk of {@code length} bytes. */
    public static ByteBuf chunkStart(ByteBufAllocator alloc, int length) {
        ByteBuf out = alloc.directBuffer(10);
        latin1(out, Integer.toHexString(length)).writeBytes(CRLF);
        return out;
    }

    /** The line ending a chunk's data. */
    public static ByteBuf chunkEnd(ByteBufAllocator alloc) {
        return alloc.directBuffer(2).writeBytes(CRLF);
    }

    /** The zero-length chunk that ends a chunked body, without trailer fields. */
    public static ByteBuf lastChunk(ByteBufAllocator alloc) {
        return alloc.directBuffer(LAST_CHUNK.length).writeBytes(LAST_CHUNK);
    }

    private static ByteBuf fields(ByteBuf out, HeaderList headers) {
        for (int i = 0; i < headers.size(); i++) {
            latin1(out, headers.name(i)).writeByte(':').writeByte(' ');
            latin1(out, headers.value(i)).writeBytes(CRLF);
        }
        return out.writeBytes(CRLF);
    }

    private static int size(HeaderList headers) {
        int size = 2;
        for (int i = 0; i < headers.size(); i++) size += headers.name(i).length() + headers.value(i).length() + 4;
        return size;
    }

    private static ByteBuf latin1(ByteBuf out, String text) {
        out.writeCharSequence(text, StandardCharsets.ISO_8859_1);
        return out;
    }
}
