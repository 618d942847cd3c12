package io.fissile.router.proxy.wire;

/** Reads comma-separated token lists such as Connection's. */
public final class ConnectionTokens {

    private ConnectionTokens() {
    }

    /**
     * Whether a message keeps its connection open afterwards (RFC 9112 section 9.3): HTTP/1.1 unless
     * Connection says close, HTTP/1.0 only when it says keep-alive.
     *
     * @param connection the message's Connection header, or null
     */
    public static boolean keepsAlive(int minorVersion, String connection) {
        if (minorVersion == 0) return connection != null && lists(connection, "keep-alive");
        return connection == null || !lists(connection, "close");
    }

    /** True when the comma-separated {@code list} holds {@code token} (any case, spaces around ignored). */
    public static boolean lists(String list, String token) {
        int start = 0;
        while (start < list.length()) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? list.length() : comma;
            int from = start;
            int to = end;
            while (from < to && (list.charAt(from) == ' ' || list.charAt(from) == '\t')) from++;
            while (to > from && (list.charAt(to - 1) == ' ' || list.charAt(to - 1) == '\t')) to--;
            if (to - from == token.length() && list.regionMatches(true, from, token, 0, token.length())) return true;
            start = end + 1;
        }
        return false;
    }
}
