package io.fissile.router.proxy.wire;

/**
 * A request's start line and header fields, as they came.
 *
 * @param target the request target as sent: usually origin-form ({@code /path?query})
 */
public record RequestHead(String method, String target, int minorVersion, HeaderList headers) {

    public boolean isHttp10() {
        return minorVersion == 0;
    }

    /** The path: the target up to its query, without scheme and authority when it came in absolute form. */
    public String path() {
        int start = pathStart();
        int query = target.indexOf('?', start);
        return target.substring(start, query < 0 ? target.length() : query);
    }

    /** The query after {@code ?}, or null. */
    public String query() {
        int query = target.indexOf('?');
        return query < 0 ? null : target.substring(query + 1);
    }

    /** The host the client asked for, from Host without its port, or null. */
    public String host() {
        String host = headers.get("Host");
        if (host == null || host.isEmpty()) return null;
        if (host.charAt(0) == '[') {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** Whether the client keeps the connection open after this exchange (RFC 9112 section 9.3). */
    public boolean keepAlive() {
        return ConnectionTokens.keepsAlive(minorVersion, headers.get("Connection"));
    }

    private int pathStart() {
        if (target.startsWith("/")) return 0;
        int scheme = target.indexOf("://");
        if (scheme < 0) return 0;
        int slash = target.indexOf('/', scheme + 3);
        return slash < 0 ? target.length() : slash;
    }
}
