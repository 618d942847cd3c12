package io.fissile.environments.jvm.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Buffered reading from a connection: text lines for request heads and chunk sizes, bytes for
 * bodies. One instance lives as long as the connection, so bytes of a pipelined next request are
 * kept for it.
 */
final class InputBuffer {

    private final InputStream in;
    private byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    InputBuffer(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one line, without its CR LF (a bare LF is accepted), decoded as ISO-8859-1.
     *
     * @param maxLength the longest line accepted; a longer one fails with 431
     * @return the line, or {@code null} when the stream ends before its first byte
     */
    String readLine(int maxLength) throws IOException {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            if (limit - position > maxLength) {
                throw new HttpException(431, "line too long in request");
            }
            scanned = limit - position;
            makeRoom();
            scanned += position;
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                if (limit == position) {
                    return null;
                }
                throw new EOFException("connection closed within a line");
            }
            limit += read;
        }
    }

    int read() throws IOException {
        if (position == limit && fill() < 0) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            // Large reads bypass the buffer; small ones refill it to save system calls.
            if (length >= buffer.length) {
                return in.read(target, offset, length);
            }
            if (fill() < 0) {
                return -1;
            }
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    private int fill() throws IOException {
        position = 0;
        limit = 0;
        int read = in.read(buffer, 0, buffer.length);
        if (read > 0) {
            limit = read;
        }
        return read;
    }

    /** Moves unread bytes to the front, or grows the buffer when it is full of them. */
    private void makeRoom() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, limit);
            buffer = larger;
        }
    }
}
