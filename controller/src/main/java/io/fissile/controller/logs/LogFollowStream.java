package io.fissile.controller.logs;

import io.fissile.controller.http.ApiError;
import io.fissile.controller.http.Exchange;
import io.fissile.controller.http.NdjsonStream;
import io.fissile.controller.http.OpenStreams;
import io.fissile.runtime.FunctionLogs;
import io.fissile.runtime.LogLine;
import io.fissile.store.ResourceStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One followed log served over HTTP: the function's latest lines, then each line it writes, until
 * the client leaves or the controller stops. New lines come from the log's follower thread and are
 * written on the request's event loop; a client that stops reading has its stream cut (see
 * {@link NdjsonStream}).
 */
final class LogFollowStream implements OpenStreams.Stream {
    private static final Logger log = LoggerFactory.getLogger(LogFollowStream.class);

    private final Exchange exchange;
    private final LogQuery query;
    private final OpenStreams openStreams;
    private final NdjsonStream stream;
    private final AtomicReference<AutoCloseable> following = new AtomicReference<>();
    private final Promise<Void> ended = Promise.promise();

    // Confined to the event loop.
    private final List<Followed> followedBeforeTail = new ArrayList<>();
    private NewerThanTail newer;

    LogFollowStream(Exchange exchange, LogQuery query, OpenStreams openStreams, long backlogLimit) {
        this.exchange = exchange;
        this.query = query;
        this.openStreams = openStreams;
        this.stream = new NdjsonStream(exchange, query.describe(), backlogLimit, this::stopped);
    }

    void start(ResourceStore store, FunctionLogs logs) {
        openStreams.add(this);
        exchange.blocking().run(() -> {
            query.requireFunctionIn(store);
            // Following first, then reading: no line can fall between the two.
            following.set(logs.follow(query.namespace(), query.function(), this::followed));
            return Tail.of(logs.tail(query.namespace(), query.function(), query.tail(), query.since()), query.since());
        }).onComplete(this::begin, failure -> {
            stream.finish("the log could not be read");
            unfollow();
            exchange.fail(failure);
        });
    }

    /** Ends the stream as a normal end of the log; done once following has stopped. */
    @Override
    public Future<Void> end() {
        stream.onLoop(this::endStream);
        return ended.future();
    }

    // ---- from the log's follower thread

    private void followed(LogLine line) {
        Buffer encoded = LogLineJson.encode(line);
        Instant time = line.time();
        stream.onLoop(() -> deliver(new Followed(time, encoded)));
    }

    // ---- on the event loop

    private void begin(Tail tail) {
        if (stream.finished()) {
            unfollow();
            return;
        }
        // Sent before the stream begins, so they count as what the client asked for, not as its backlog.
        tail.lines().forEach(stream::send);
        newer = new NewerThanTail(tail.newest());
        followedBeforeTail.forEach(this::deliver);
        followedBeforeTail.clear();
        stream.begin();
    }

    private void deliver(Followed line) {
        if (stream.finished()) return;
        if (newer == null) {
            followedBeforeTail.add(line);
        } else if (newer.isNew(line.time())) {
            stream.send(line.encoded());
        }
    }

    private void endStream() {
        if (stream.finished()) return;
        if (!stream.streaming()) {
            stream.finish("the controller stopped as the stream opened");
            exchange.fail(new ApiError(503, "Unavailable", "the controller is stopping"));
            return;
        }
        stream.end();
    }

    private void stopped() {
        openStreams.remove(this);
        unfollow();
        ended.tryComplete();
    }

    private void unfollow() {
        AutoCloseable handle = following.getAndSet(null);
        if (handle == null) return;
        try {
            handle.close();
        } catch (Exception e) {
            log.debug("stopping to follow the {}: {}", query.describe(), e.toString());
        }
    }

    /** A line followed, with its time to judge whether the tail sent it already. */
    private record Followed(Instant time, Buffer encoded) {
    }

    /** The latest lines, encoded off the event loop, and the time after which lines are new. */
    private record Tail(List<Buffer> lines, Instant newest) {
        static Tail of(List<LogLine> lines, Instant since) {
            Instant newest = lines.isEmpty() ? since : lines.getLast().time();
            return new Tail(lines.stream().map(LogLineJson::encode).toList(), newest);
        }
    }
}
