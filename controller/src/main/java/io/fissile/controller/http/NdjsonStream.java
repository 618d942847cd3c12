package io.fissile.controller.http;

import io.fissile.api.Codec;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * A chunked {@code application/x-ndjson} answer written one line at a time as things happen: a
 * watch's events, a function's log lines. Confined to the request's event loop; other threads hand
 * their lines over with {@link #onLoop}.
 * <p>
 * Lines sent before {@link #begin} are held, so that until then the request can still be answered
 * with an error. A client that stops reading gets its lines held up to a bound (beyond those held at
 * begin, which are what it asked for, not a backlog); past it the stream is cut.
 */
public final class NdjsonStream {
    public static final String CONTENT_TYPE = "application/x-ndjson";
    private static final Logger log = LoggerFactory.getLogger(NdjsonStream.class);

    private final HttpServerResponse response;
    private final Context context;
    private final String subject;
    private final long backlogLimit;
    private final Runnable onFinish;

    private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
    private long backlogBytes;
    private long backlogAllowance;
    private boolean streaming;
    private boolean finished;

    /**
     * @param subject      what streams, for the server's log ("watch of functions")
     * @param backlogLimit the bytes held for a client that does not read before its stream is cut
     * @param onFinish     called once, on the event loop, when the stream ends, is cut or the client leaves
     */
    public NdjsonStream(Exchange exchange, String subject, long backlogLimit, Runnable onFinish) {
        this.response = exchange.response();
        this.context = exchange.vertx().getOrCreateContext();
        this.subject = subject;
        this.backlogLimit = backlogLimit;
        this.onFinish = onFinish;
        response.closeHandler(ignored -> finish("the client left"));
    }

    /** A value as one line of JSON. Call it off the event loop, so that the loop only moves bytes. */
    public static Buffer line(Object value) {
        return Buffer.buffer(Codec.toJsonBytes(value)).appendByte((byte) '\n');
    }

    /** Runs an action on the stream's event loop; callable from any thread. */
    public void onLoop(Runnable action) {
        context.runOnContext(ignored -> action.run());
    }

    public boolean streaming() {
        return streaming;
    }

    public boolean finished() {
        return finished;
    }

    /** Answers 200 and writes the lines held so far. */
    public void begin() {
        streaming = true;
        backlogAllowance = backlogLimit + backlogBytes;
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .drainHandler(ignored -> writeBacklog());
        response.writeHead();
        writeBacklog();
    }

    /** Writes a line, or holds it while the stream has not begun or the client is behind. */
    public void send(Buffer line) {
        if (finished) return;
        if (!streaming || !backlog.isEmpty() || response.writeQueueFull()) {
            hold(line);
        } else {
            response.write(line);
        }
    }

    /** Ends the answer cleanly, after the lines still held. */
    public void end() {
        if (finished) return;
        Buffer rest = Buffer.buffer();
        backlog.forEach(rest::appendBuffer);
        finish("the stream ended");
        response.end(rest);
    }

    /** Stops streaming without touching the answer: the client left, or the caller answers otherwise. */
    public void finish(String why) {
        if (finished) return;
        finished = true;
        log.debug("{} finished: {}", subject, why);
        backlog.clear();
        backlogBytes = 0;
        onFinish.run();
    }

    private void hold(Buffer line) {
        backlog.add(line);
        backlogBytes += line.length();
        if (streaming && backlogBytes > backlogAllowance) {
            cut();
        }
    }

    private void writeBacklog() {
        while (!finished && !backlog.isEmpty() && !response.writeQueueFull()) {
            Buffer line = backlog.poll();
            backlogBytes -= line.length();
            response.write(line);
        }
    }

    private void cut() {
        log.warn("{} cut: its client has not read {} bytes", subject, backlogBytes);
        finish("the client is not reading");
        // The stream cannot end cleanly behind a full queue: closing the connection tells the client.
        response.reset();
    }
}
