package io.fissile.router.routes;

/**
 * The request header that carries a path parameter to the function: {@code X-Fission-Params-<name>},
 * spelled as Fission's Go router puts it on the wire (Go's canonical form: each word capitalised,
 * the rest lower-case, so {@code userId} becomes {@code X-Fission-Params-Userid}).
 */
final class ParameterHeaders {
    static final String PREFIX = "X-Fission-Params-";

    private ParameterHeaders() {
    }

    /** The header for a parameter, or null when its name cannot be a header name. */
    static String forParameter(String name) {
        String header = PREFIX + name;
        for (int i = 0; i < header.length(); i++) {
            if (!isTokenChar(header.charAt(i))) return null;
        }
        return canonical(header);
    }

    /** Go's textproto.CanonicalMIMEHeaderKey for a valid token. */
    private static String canonical(String header) {
        char[] chars = header.toCharArray();
        boolean upper = true;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (upper && c >= 'a' && c <= 'z') chars[i] = (char) (c - ('a' - 'A'));
            else if (!upper && c >= 'A' && c <= 'Z') chars[i] = (char) (c + ('a' - 'A'));
            upper = c == '-';
        }
        return new String(chars);
    }

    /** RFC 9110 token characters. */
    private static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
