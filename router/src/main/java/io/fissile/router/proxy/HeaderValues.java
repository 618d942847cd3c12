package io.fissile.router.proxy;

import java.nio.charset.StandardCharsets;

/**
 * Path parameters reach functions in headers, decoded. A decoded value with characters a header
 * cannot carry (control characters, non-ASCII) is sent percent-encoded instead, so that no URL can
 * inject a header or garble one.
 */
final class HeaderValues {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HeaderValues() {
    }

    static String safe(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!fits(value.charAt(i))) return encode(value);
        }
        return value;
    }

    private static boolean fits(char c) {
        return c >= 0x20 && c < 0x7F || c == '\t';
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (width == 1 && fits((char) codePoint)) {
                out.append((char) codePoint);
            } else {
                for (byte b : value.substring(i, i + width).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += width;
        }
        return out.toString();
    }
}
