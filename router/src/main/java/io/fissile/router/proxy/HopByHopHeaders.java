package io.fissile.router.proxy;

import io.fissile.router.proxy.wire.ConnectionTokens;

/**
 * Headers that describe one connection, not the message (RFC 9110 section 7.6.1): a proxy
 * consumes them and never passes them on. Besides the fixed list, a Connection header names more.
 */
final class HopByHopHeaders {
    private static final String[] NAMES = {"Connection", "Keep-Alive", "Proxy-Authenticate", "Proxy-Authorization", "TE",
            "Trailer", "Transfer-Encoding", "Upgrade", "Proxy-Connection"};

    private HopByHopHeaders() {
    }

    /**
     * @param connection the message's Connection header, or null (the usual case for HTTP/1.1)
     */
    static boolean isHopByHop(String name, String connection) {
        for (String hopByHop : NAMES) {
            if (hopByHop.length() == name.length() && hopByHop.equalsIgnoreCase(name)) return true;
        }
        return connection != null && ConnectionTokens.lists(connection, name);
    }
}
