package io.fissile.executor.specialize;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP/1.1 request to an instance on a connection of its own, closed afterwards. The executor
 * talks to an instance once or twice in its life (to warm it, to specialize it); a pooled client
 * would keep a connection to every instance open for nothing, and making a full client per call
 * costs milliseconds a cold start does not have.
 */
public final class InstanceCall {

    /** More error text than anyone reads; the rest is dropped. */
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_LINE = 8 * 1024;
    private static final Duration MAX_CONNECT = Duration.ofSeconds(5);

    public record Response(int status, String body) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private InstanceCall() {
    }

    public static Response post(InetSocketAddress address, String path, String contentType, byte[] body, Duration timeout)
            throws IOException {
        return send(address, "POST " + path, "Content-Type: " + contentType + "\r\n", body, false, timeout);
    }

    /**
     * As {@link #post}, but the request asks to keep the connection open, as the router's requests do
     * (so that the instance runs that path once); the connection is closed all the same once the answer is read.
     */
    public static Response postKeepingAlive(InetSocketAddress address, String path, String contentType, byte[] body,
                                            Duration timeout) throws IOException {
        return send(address, "POST " + path, "Content-Type: " + contentType + "\r\n", body, true, timeout);
    }

    public static Response get(InetSocketAddress address, String path, Duration timeout) throws IOException {
        return send(address, "GET " + path, "", new byte[0], false, timeout);
    }

    private static Response send(InetSocketAddress address, String requestLine, String headers, byte[] body,
                                 boolean keepAlive, Duration timeout) throws IOException {
        int timeoutMillis = Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) Math.min(timeoutMillis, MAX_CONNECT.toMillis()));
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            String head = requestLine + " HTTP/1.1\r\n"
                    + "Host: " + address.getHostString() + ":" + address.getPort() + "\r\n"
                    + headers
                    + "Content-Length: " + body.length + "\r\n"
                    + (keepAlive ? "\r\n" : "Connection: close\r\n\r\n");
            // One write: head and body reach the instance together, not as two segments read in two turns.
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static Response read(InputStream in) throws IOException {
        for (;;) {
            int status = statusOf(line(in));
            long length = -1;
            boolean chunked = false;
            for (String header; !(header = line(in)).isEmpty(); ) {
                int colon = header.indexOf(':');
                if (colon <= 0) continue;
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                if (name.equals("content-length")) length = Long.parseLong(value);
                if (name.equals("transfer-encoding")) chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            }
            if (status >= 100 && status < 200) continue; // an interim answer; the real one follows
            byte[] body = chunked ? chunks(in) : length >= 0 ? in.readNBytes((int) Math.min(length, MAX_BODY)) : in.readNBytes(MAX_BODY);
            return new Response(status, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static int statusOf(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP response: " + statusLine);
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
    }

    private static byte[] chunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (;;) {
            String sizeLine = line(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) return body.toByteArray();
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) throw new IOException("the response ended inside a chunk");
            if (body.size() < MAX_BODY) body.write(chunk, 0, Math.min(chunk.length, MAX_BODY - body.size()));
            line(in);
        }
    }

    /** A line without its CRLF; an IOException when the connection ends first. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("the instance closed the connection before answering in full");
            if (c != '\r' && line.length() < MAX_LINE) line.append((char) c);
        }
        return line.toString();
    }
}
