package io.fissile.controller.resources;

import io.fissile.api.Codec;
import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;
import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.store.ResourceStore;
import io.fissile.store.Watch;
import io.fissile.store.WatchListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One watch served over HTTP: the store's events, one JSON line each, written as they happen.
 * <p>
 * Events come from a store thread and are written on the request's event loop. Until the store
 * has opened the watch nothing is sent, so that an expired version can still be answered with a
 * 410. A client that stops reading gets its events held here up to a bound (beyond the initial
 * state); past it the stream is cut, and the client resumes from the last version it saw.
 */
final class WatchStream<R extends Resource<?, ?>> implements WatchListener<R> {
    private static final Logger log = LoggerFactory.getLogger(WatchStream.class);
    private static final String NDJSON = "application/x-ndjson";

    private final Exchange exchange;
    private final HttpServerResponse response;
    private final Context context;
    private final Kind<R> kind;
    private final SelectorFilter<R> filter;
    private final OpenWatches openWatches;
    private final long backlogLimit;

    // Confined to the event loop.
    private final ArrayDeque<Buffer> backlog = new ArrayDeque<>();
    private long backlogBytes;
    private long backlogAllowance;
    private boolean streaming;
    private boolean finished;

    private volatile Watch watch;
    private final AtomicBoolean watchClosed = new AtomicBoolean();
    private final Promise<Void> ended = Promise.promise();

    WatchStream(Exchange exchange, Kind<R> kind, SelectorFilter<R> filter, OpenWatches openWatches, long backlogLimit) {
        this.exchange = exchange;
        this.response = exchange.response();
        this.context = exchange.vertx().getOrCreateContext();
        this.kind = kind;
        this.filter = filter;
        this.openWatches = openWatches;
        this.backlogLimit = backlogLimit;
    }

    void start(ResourceStore store, String namespace, String fromResourceVersion) {
        response.closeHandler(ignored -> finish("the client left"));
        openWatches.add(this);
        exchange.blocking().run(() -> store.watch(kind, namespace, fromResourceVersion, this)).onComplete(
                opened -> {
                    watch = opened;
                    if (finished) {
                        closeStoreWatch();
                    } else {
                        beginStreaming();
                    }
                },
                failure -> {
                    finished = true;
                    openWatches.remove(this);
                    ended.tryComplete();
                    exchange.fail(failure);
                });
    }

    // ---- from the store's thread

    @Override
    public void onEvent(WatchEvent<R> event) {
        WatchEvent<R> visible = filter.apply(event);
        if (visible == null) return;
        // Written here, off the event loop; one line per event.
        Buffer line = Buffer.buffer(Codec.toJsonBytes(visible)).appendByte((byte) '\n');
        context.runOnContext(ignored -> deliver(line));
    }

    @Override
    public void onClose(Throwable cause) {
        if (cause != null) {
            log.warn("watch of {} ended by the store: {}", kind.plural(), cause.toString());
        }
        context.runOnContext(ignored -> endStream());
    }

    // ---- on the event loop

    /** Ends the stream as if the store had closed it; completes once the store watch is closed. */
    Future<Void> end() {
        context.runOnContext(ignored -> endStream());
        return ended.future();
    }

    private void beginStreaming() {
        streaming = true;
        // The initial ADDED events are what a list would hold, not the backlog of a slow reader.
        backlogAllowance = backlogLimit + backlogBytes;
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, NDJSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .drainHandler(ignored -> writeBacklog());
        response.writeHead();
        writeBacklog();
    }

    private void deliver(Buffer line) {
        if (finished) return;
        if (!streaming || !backlog.isEmpty() || response.writeQueueFull()) {
            hold(line);
        } else {
            response.write(line);
        }
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
        log.warn("watch of {} cut: its client has not read {} bytes of events", kind.plural(), backlogBytes);
        finish("the client is not reading");
        // The stream cannot end cleanly behind a full queue: closing the connection tells the client.
        response.reset();
    }

    private void endStream() {
        if (finished) return;
        if (!streaming) {
            // Still opening: the store's answer will find the stream finished and close the watch.
            finish("the store closed the watch");
            exchange.fail(new ApiError(503, "Unavailable", "the watch of " + kind.plural() + " ended as it opened; watch again"));
            return;
        }
        Buffer rest = Buffer.buffer();
        backlog.forEach(rest::appendBuffer);
        finish("the stream ended");
        response.end(rest);
    }

    private void finish(String why) {
        if (finished) return;
        finished = true;
        log.debug("watch of {} finished: {}", kind.plural(), why);
        backlog.clear();
        backlogBytes = 0;
        openWatches.remove(this);
        closeStoreWatch();
    }

    private void closeStoreWatch() {
        Watch opened = watch;
        if (opened == null) return;
        if (!watchClosed.compareAndSet(false, true)) return;
        exchange.blocking().run(() -> {
            opened.close();
            return null;
        }).onComplete(ignored -> ended.tryComplete());
    }
}
