package io.fissile.controller.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Closes a connection whose request was answered before its body was read. Closing at once would
 * make the kernel reset the connection while the client is still sending, and a reset can destroy
 * the answer before the client reads it; so the rest of the body is read and thrown away, for a
 * short while and up to a bound, before the connection is closed.
 */
final class LingeringClose {
    private static final long LINGER_MILLIS = 3_000;
    private static final long MAX_DISCARDED_BYTES = 8L << 20;

    private LingeringClose() {
    }

    static void after(Vertx vertx, HttpServerRequest request, Future<Void> responseWritten) {
        Promise<Void> bodyDone = Promise.promise();
        long[] discarded = {0};
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (discarded[0] > MAX_DISCARDED_BYTES) bodyDone.tryComplete();
        });
        request.endHandler(ignored -> bodyDone.tryComplete());
        request.exceptionHandler(ignored -> bodyDone.tryComplete());
        long timer = vertx.setTimer(LINGER_MILLIS, ignored -> bodyDone.tryComplete());
        request.resume();
        responseWritten.eventually(bodyDone::future).onComplete(ignored -> {
            vertx.cancelTimer(timer);
            request.connection().close();
        });
    }
}
