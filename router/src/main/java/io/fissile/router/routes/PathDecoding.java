package io.fissile.router.routes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Routes match the percent-decoded path, as gorilla/mux does, with one difference: an encoded
 * slash ({@code %2F}) stays as it is, inside its segment, so that decoding never changes where the
 * segments are. Escapes that are not valid stay as written.
 */
final class PathDecoding {

    private PathDecoding() {
    }

    /** The path to match: the path itself when it has nothing to decode (the usual case). */
    static String forMatching(String rawPath) {
        return rawPath.indexOf('%') < 0 ? rawPath : decode(rawPath);
    }

    private static String decode(String raw) {
        StringBuilder decoded = new StringBuilder(raw.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            int value = escapedByte(raw, i);
            if (value >= 0 && value != '/') {
                bytes.write(value);
                i += 3;
                continue;
            }
            flush(bytes, decoded);
            int width = value == '/' ? 3 : 1;
            decoded.append(raw, i, i + width);
            i += width;
        }
        flush(bytes, decoded);
        return decoded.toString();
    }

    /** The byte a {@code %XX} escape at {@code i} stands for, or -1 when there is none. */
    private static int escapedByte(String s, int i) {
        if (s.charAt(i) != '%' || i + 2 >= s.length()) return -1;
        int high = Character.digit(s.charAt(i + 1), 16);
        int low = Character.digit(s.charAt(i + 2), 16);
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder into) {
        if (bytes.size() == 0) return;
        into.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
    }
}
