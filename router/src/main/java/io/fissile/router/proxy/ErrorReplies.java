package io.fissile.router.proxy;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Writes an {@link ErrorReply} as a plain-text response. */
final class ErrorReplies {
    private static final CharSequence TEXT_PLAIN = HttpHeaders.createOptimized("text/plain; charset=utf-8");

    private ErrorReplies() {
    }

    /**
     * Answers with the error, replacing whatever status and headers the function's answer had put
     * there; when the head has already gone out, the connection is reset instead, since no status
     * can be changed any more.
     */
    static void send(HttpServerResponse response, ErrorReply reply, int retryAfterSeconds) {
        if (response.closed() || response.ended()) return;
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.headers().clear();
        response.setStatusCode(reply.status());
        response.setStatusMessage(HttpResponseStatus.valueOf(reply.status()).reasonPhrase());
        response.putHeader(HttpHeaders.CONTENT_TYPE, TEXT_PLAIN);
        if (reply.retryLater()) response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
        if (reply.allow() != null) response.putHeader(HttpHeaders.ALLOW, reply.allow());
        response.end(reply.message() + "\n");
    }
}
