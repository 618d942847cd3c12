package io.fissile.environments.jvm.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body in the chunked transfer coding. Data is gathered into chunks of up to 32 KiB;
 * each chunk, with its size line and CRLF, leaves in a single write.
 */
final class ChunkedOutput extends OutputStream {

    private static final int CHUNK = 32 * 1024;
    private static final int SIZE_ROOM = 6; // four hex digits and CRLF
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream socket;
    private final byte[] buffer = new byte[SIZE_ROOM + CHUNK + 2 + LAST_CHUNK.length];
    private int count;
    private boolean closed;

    ChunkedOutput(OutputStream socket) {
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (count == CHUNK) {
            writeChunk(false);
        }
        buffer[SIZE_ROOM + count++] = (byte) b;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        ensureOpen();
        while (length > 0) {
            if (count == CHUNK) {
                writeChunk(false);
            }
            int part = Math.min(length, CHUNK - count);
            System.arraycopy(data, offset, buffer, SIZE_ROOM + count, part);
            count += part;
            offset += part;
            length -= part;
        }
    }

    /** Sends what has been written so far, so that a client sees streamed output without delay. */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (count > 0) {
            writeChunk(false);
        }
        socket.flush();
    }

    /** Ends the body with the last chunk; the connection stays open. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writeChunk(true);
        }
    }

    boolean isClosed() {
        return closed;
    }

    private void writeChunk(boolean last) throws IOException {
        int start = SIZE_ROOM;
        int end = SIZE_ROOM;
        if (count > 0) {
            byte[] size = Integer.toHexString(count).getBytes(StandardCharsets.US_ASCII);
            start = SIZE_ROOM - size.length - 2;
            System.arraycopy(size, 0, buffer, start, size.length);
            buffer[SIZE_ROOM - 2] = '\r';
            buffer[SIZE_ROOM - 1] = '\n';
            end = SIZE_ROOM + count;
            buffer[end++] = '\r';
            buffer[end++] = '\n';
        }
        if (last) {
            System.arraycopy(LAST_CHUNK, 0, buffer, end, LAST_CHUNK.length);
            end += LAST_CHUNK.length;
        }
        count = 0;
        socket.write(buffer, start, end - start);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("response body already complete");
        }
    }
}
