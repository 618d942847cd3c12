package io.fissile.router;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for what a client library will not send (hop-by-hop
 * headers) or do (leave in the middle of a request).
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;

    RawHttp(int port) {
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the request head (lines joined with CRLF, ended by an empty line) and nothing more. */
    RawHttp send(String... headLines) {
        return sendRaw(String.join("\r\n", headLines) + "\r\n\r\n");
    }

    /** Sends bytes as they are: several requests at once, or a body. */
    RawHttp sendRaw(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the server sends until it closes the connection (send {@code Connection: close}). */
    String readAll() {
        try (InputStream in = socket.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the server sends until {@code marker} has arrived, leaving the connection open. */
    String readUntil(String marker) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (!out.toString(StandardCharsets.UTF_8).contains(marker)) {
                int next = in.read();
                if (next < 0) throw new IllegalStateException("the connection closed before " + marker + " arrived: " + out);
                out.write(next);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
