package io.fissile.controller.http;

import io.vertx.core.Future;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The streams being served (watches, followed logs), so that stopping the controller can end them cleanly. */
public final class OpenStreams {
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();

    /** A stream that stays open until its client leaves or the controller stops. */
    public interface Stream {
        /** Ends the stream as its client would see a normal end; done once what feeds it is closed. */
        Future<Void> end();
    }

    public void add(Stream stream) {
        streams.add(stream);
    }

    public void remove(Stream stream) {
        streams.remove(stream);
    }

    /** Ends every stream; done when all have ended. */
    public Future<Void> endAll() {
        List<Future<Void>> ends = List.copyOf(streams).stream().map(Stream::end).toList();
        return Future.join(ends).mapEmpty();
    }
}
