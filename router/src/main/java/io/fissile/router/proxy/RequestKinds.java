package io.fissile.router.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/** What a request's head says about how to proxy it. */
final class RequestKinds {

    private RequestKinds() {
    }

    /**
     * True when an HTTP/1.x request carries no body: no Transfer-Encoding and no Content-Length, or
     * a length of 0 (RFC 9112 section 6.3). Such a request is sent on as it came, with no body and
     * no chunked framing, without waiting for its end.
     */
    static boolean hasNoBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) return false; // HTTP/2 frames a body without either header
        MultiMap headers = request.headers();
        if (headers.contains(HttpHeaders.TRANSFER_ENCODING)) return false;
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return length == null || "0".equals(length);
    }

    /** An HTTP/1.1 GET asking to switch to the WebSocket protocol (RFC 6455 section 4.1). */
    static boolean isWebSocketUpgrade(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET || request.version() != HttpVersion.HTTP_1_1) return false;
        MultiMap headers = request.headers();
        String upgrade = headers.get(HttpHeaders.UPGRADE);
        String connection = headers.get(HttpHeaders.CONNECTION);
        return upgrade != null && connection != null
                && HopByHopHeaders.lists(upgrade, "websocket") && HopByHopHeaders.lists(connection, "upgrade");
    }
}
