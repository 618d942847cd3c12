package io.fissile.router.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1): a proxy
 * consumes them and never passes them on. Besides the fixed list, a Connection header names more.
 */
final class HopByHopHeaders {
    private static final MultiMap NAMES = MultiMap.caseInsensitiveMultiMap()
            .add(HttpHeaders.CONNECTION, "")
            .add(HttpHeaders.KEEP_ALIVE, "")
            .add(HttpHeaders.PROXY_AUTHENTICATE, "")
            .add(HttpHeaders.PROXY_AUTHORIZATION, "")
            .add(HttpHeaderNames.TE, "")
            .add(HttpHeaderNames.TRAILER, "")
            .add(HttpHeaders.TRANSFER_ENCODING, "")
            .add(HttpHeaders.UPGRADE, "");

    private HopByHopHeaders() {
    }

    /**
     * @param connection the message's Connection header, or null (the usual case for HTTP/1.1)
     */
    static boolean isHopByHop(String name, String connection) {
        return NAMES.contains(name) || connection != null && lists(connection, name);
    }

    /** True when the comma-separated {@code connection} value lists {@code name} (any case). */
    static boolean lists(String connection, String name) {
        int start = 0;
        while (start < connection.length()) {
            int comma = connection.indexOf(',', start);
            int end = comma < 0 ? connection.length() : comma;
            int from = start;
            int to = end;
            while (from < to && connection.charAt(from) == ' ') from++;
            while (to > from && connection.charAt(to - 1) == ' ') to--;
            if (to - from == name.length() && connection.regionMatches(true, from, name, 0, name.length())) return true;
            start = end + 1;
        }
        return false;
    }
}
