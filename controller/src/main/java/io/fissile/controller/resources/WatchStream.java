package io.fissile.controller.resources;

import io.fissile.api.Kind;
import io.fissile.api.Resource;
import io.fissile.api.WatchEvent;
import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.NdjsonStream;
import io.fissile.controller.http.OpenStreams;
import io.fissile.store.ResourceStore;
import io.fissile.store.Watch;
import io.fissile.store.WatchListener;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One watch served over HTTP: the store's events, one JSON line each, written as they happen.
 * <p>
 * Events come from a store thread and are written on the request's event loop. Until the store
 * has opened the watch nothing is sent, so that an expired version can still be answered with a
 * 410. A client that stops reading has its stream cut (see {@link NdjsonStream}), and resumes from
 * the last version it saw.
 */
final class WatchStream<R extends Resource<?, ?>> implements WatchListener<R>, OpenStreams.Stream {
    private static final Logger log = LoggerFactory.getLogger(WatchStream.class);

    private final Exchange exchange;
    private final Kind<R> kind;
    private final SelectorFilter<R> filter;
    private final OpenStreams openStreams;
    private final NdjsonStream stream;

    private volatile Watch watch;
    private final AtomicBoolean watchClosed = new AtomicBoolean();
    private final Promise<Void> ended = Promise.promise();

    WatchStream(Exchange exchange, Kind<R> kind, SelectorFilter<R> filter, OpenStreams openStreams, long backlogLimit) {
        this.exchange = exchange;
        this.kind = kind;
        this.filter = filter;
        this.openStreams = openStreams;
        this.stream = new NdjsonStream(exchange, "watch of " + kind.plural(), backlogLimit, this::stopped);
    }

    void start(ResourceStore store, String namespace, String fromResourceVersion) {
        openStreams.add(this);
        exchange.blocking().run(() -> store.watch(kind, namespace, fromResourceVersion, this)).onComplete(
                opened -> {
                    watch = opened;
                    if (stream.finished()) {
                        closeStoreWatch();
                    } else {
                        stream.begin();
                    }
                },
                failure -> {
                    stream.finish("the store refused the watch");
                    ended.tryComplete();
                    exchange.fail(failure);
                });
    }

    // ---- from the store's thread

    @Override
    public void onEvent(WatchEvent<R> event) {
        WatchEvent<R> visible = filter.apply(event);
        if (visible == null) return;
        Buffer line = NdjsonStream.line(SecretRedaction.of(visible));
        stream.onLoop(() -> stream.send(line));
    }

    @Override
    public void onClose(Throwable cause) {
        if (cause != null) {
            log.warn("watch of {} ended by the store: {}", kind.plural(), cause.toString());
        }
        stream.onLoop(this::endStream);
    }

    // ---- on the event loop

    /** Ends the stream as if the store had closed it; completes once the store watch is closed. */
    @Override
    public Future<Void> end() {
        stream.onLoop(this::endStream);
        return ended.future();
    }

    private void endStream() {
        if (stream.finished()) return;
        if (!stream.streaming()) {
            // Still opening: the store's answer will find the stream finished and close the watch.
            stream.finish("the store closed the watch");
            exchange.fail(new ApiError(503, "Unavailable", "the watch of " + kind.plural() + " ended as it opened; watch again"));
            return;
        }
        stream.end();
    }

    private void stopped() {
        openStreams.remove(this);
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
