package io.fissile.environments.jvm.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request and its response on a keep-alive connection. The handler reads the request, then
 * calls exactly one of {@link #respond}, {@link #respondText} or {@link #respondStreaming}, or
 * {@link #abort}s.
 */
public final class HttpExchange {

    private static final int SMALL_BODY = 16 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RequestHead head;
    private final InputStream body;
    private final long contentLength;
    private final OutputStream socket;
    private final HeadBuffer headBuffer;
    private boolean keepAlive;
    private boolean bodyRequested;
    private boolean responded;
    private boolean aborted;
    private ChunkedOutput chunkedOutput;

    HttpExchange(RequestHead head, InputStream body, long contentLength, boolean keepAlive,
                 OutputStream socket, HeadBuffer headBuffer) {
        this.head = head;
        this.body = body;
        this.contentLength = contentLength;
        this.keepAlive = keepAlive;
        this.socket = socket;
        this.headBuffer = headBuffer;
    }

    /** The request method, such as {@code GET}. */
    public String method() {
        return head.method();
    }

    /** The request target as received: the path, still percent-encoded, and the query. */
    public String target() {
        return head.target();
    }

    /** The target without its query. */
    public String path() {
        String target = head.target();
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The number of header fields, counting repeated names separately. */
    public int headerCount() {
        return head.headerCount();
    }

    /** The name of the header field at {@code index}, as the client spelled it. */
    public String headerName(int index) {
        return head.headerName(index);
    }

    /** The value of the header field at {@code index}. */
    public String headerValue(int index) {
        return head.headerValue(index);
    }

    /** The first value of a header, whatever the case of {@code name}; {@code null} when absent. */
    public String header(String name) {
        return head.header(name);
    }

    /** The body length the client declared; -1 when the body is chunked. */
    public long contentLength() {
        return contentLength;
    }

    /** The request body; empty when there is none. A client waiting for {@code 100 Continue} gets it now. */
    public InputStream body() throws IOException {
        if (!bodyRequested) {
            bodyRequested = true;
            if (contentLength != 0 && head.isHttp11() && head.hasToken("Expect", "100-continue")) {
                socket.write(CONTINUE);
            }
        }
        return body;
    }

    /** Sends a complete response with a Content-Length. */
    public void respond(int status, Map<String, List<String>> headers, byte[] content) throws IOException {
        startResponse();
        boolean hasBody = mayHaveBody(status);
        writeHead(status, headers, hasBody ? "Content-Length" : null, hasBody ? Long.toString(content.length) : null);
        if (hasBody && !isHead() && content.length > 0) {
            if (content.length <= SMALL_BODY) {
                headBuffer.bytes(content); // one write for head and body
            } else {
                flushHead();
                socket.write(content);
                return;
            }
        }
        flushHead();
    }

    /** Sends a plain-text response, for the server's own messages. */
    public void respondText(int status, String text) throws IOException {
        respond(status, Map.of("Content-Type", List.of("text/plain; charset=utf-8")),
                text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the head of a response whose body follows as it is produced (chunked, or until the
     * connection closes for an HTTP/1.0 client). Closing the stream completes the response; flush
     * it to pass data on without waiting.
     */
    public OutputStream respondStreaming(int status, Map<String, List<String>> headers) throws IOException {
        startResponse();
        if (!mayHaveBody(status) || isHead()) {
            writeHead(status, headers, null, null);
            flushHead();
            return OutputStream.nullOutputStream();
        }
        if (!head.isHttp11()) {
            keepAlive = false; // the end of the body is the end of the connection
            writeHead(status, headers, null, null);
            flushHead();
            return new UnclosableOutput(socket);
        }
        writeHead(status, headers, "Transfer-Encoding", "chunked");
        flushHead();
        chunkedOutput = new ChunkedOutput(socket);
        return chunkedOutput;
    }

    /** Gives up on this exchange: the connection closes without completing a response already begun. */
    public void abort() {
        aborted = true;
        responded = true;
    }

    /**
     * Completes the exchange after the handler: ends a streamed body and reads what is left of the
     * request body. Returns whether the connection can carry another request.
     */
    boolean finish() throws IOException {
        if (aborted) {
            return false;
        }
        if (!responded) {
            respondText(500, "the server sent no response");
        }
        if (chunkedOutput != null && !chunkedOutput.isClosed()) {
            chunkedOutput.close();
        }
        return keepAlive && BodyDrain.drain(body);
    }

    private void startResponse() {
        if (responded) {
            throw new IllegalStateException("response already sent");
        }
        responded = true;
        // A client that waits for 100 Continue before sending its body will not send it now.
        if (!bodyRequested && contentLength != 0 && head.hasToken("Expect", "100-continue")) {
            keepAlive = false;
        }
        if (!BodyDrain.isCheap(body)) {
            keepAlive = false;
        }
    }

    private void writeHead(int status, Map<String, List<String>> headers, String framingName, String framingValue) {
        HeadBuffer out = headBuffer;
        out.reset();
        out.text("HTTP/1.1 ").number(status).text(" ").text(StatusReasons.of(status)).crlf();
        out.field("Date", HttpDate.now());
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey();
            if (isFramingHeader(name)) {
                if (name.equalsIgnoreCase("Connection") && header.getValue().contains("close")) {
                    keepAlive = false;
                }
                continue;
            }
            for (String value : header.getValue()) {
                out.field(name, value);
            }
        }
        if (framingName != null) {
            out.field(framingName, framingValue);
        }
        if (!keepAlive) {
            out.field("Connection", "close");
        } else if (!head.isHttp11()) {
            out.field("Connection", "keep-alive");
        }
        out.crlf();
    }

    private void flushHead() throws IOException {
        socket.write(headBuffer.bytes(), 0, headBuffer.size());
    }

    private boolean isHead() {
        return head.method().equals("HEAD");
    }

    private static boolean mayHaveBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    private static boolean isFramingHeader(String name) {
        return name.equalsIgnoreCase("Content-Length")
                || name.equalsIgnoreCase("Transfer-Encoding")
                || name.equalsIgnoreCase("Connection")
                || name.equalsIgnoreCase("Keep-Alive")
                || name.equalsIgnoreCase("Date");
    }

    /** Keeps a handler from closing the socket itself when the body is delimited by the close. */
    private static final class UnclosableOutput extends java.io.FilterOutputStream {

        UnclosableOutput(OutputStream socket) {
            super(socket);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            out.write(data, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
