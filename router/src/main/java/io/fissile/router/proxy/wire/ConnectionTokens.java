package io.fissile.router.proxy.wire;

/** Reads comma-separated token lists such as Connection's. */
public final class ConnectionTokens {

    private ConnectionTokens() {
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
