package io.fissile.router.routes;

/**
 * Decides, conservatively, that a parameter's regex can never match a '/'. Such parameters are
 * matched one path segment at a time in the trie; the others (say {@code {path:.*}}) are matched
 * against the rest of the path. A "no" for a regex that in fact never matches '/' only costs speed,
 * never correctness, so anything unusual is a "no".
 */
final class SlashFreeRegex {

    private SlashFreeRegex() {
    }

    static boolean test(String regex) {
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '.', '/' -> {
                    return false;
                }
                case '\\' -> {
                    if (i + 1 >= n || !escapeExcludesSlash(regex.charAt(i + 1))) return false;
                    i += 2;
                }
                case '[' -> {
                    int end = classEnd(regex, i);
                    if (end < 0 || !classExcludesSlash(regex, i + 1, end)) return false;
                    i = end + 1;
                }
                case '(' -> {
                    // Plain and non-capturing groups only; flags and look-arounds are left to the slow path.
                    if (i + 1 < n && regex.charAt(i + 1) == '?') {
                        if (i + 2 >= n || regex.charAt(i + 2) != ':') return false;
                        i += 3;
                    } else {
                        i++;
                    }
                }
                default -> i++;
            }
        }
        return true;
    }

    /** Escapes known to exclude '/': digit, word and space classes, control escapes, escaped punctuation. */
    private static boolean escapeExcludesSlash(char escaped) {
        return switch (escaped) {
            case 'd', 'w', 's', 't', 'n', 'r', 'f', 'b', 'B', 'A', 'z', 'Z' -> true;
            default -> !Character.isLetterOrDigit(escaped) && escaped != '/';
        };
    }

    /** The index of the ']' closing the class opened at {@code open}; -1 for nested or unclosed classes. */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') i++;
        if (i < regex.length() && regex.charAt(i) == ']') i++;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** For the class body between {@code from} and the closing ']' at {@code end}. */
    private static boolean classExcludesSlash(String regex, int from, int end) {
        boolean negated = regex.charAt(from) == '^';
        int i = negated ? from + 1 : from;
        boolean mentionsSlash = false;
        boolean unknown = false;
        while (i < end) {
            char c = regex.charAt(i);
            if (c == '\\') {
                char escaped = regex.charAt(i + 1);
                if (escaped == '/') mentionsSlash = true;
                else if (!escapeExcludesSlash(escaped)) unknown = true;
                i += 2;
                continue;
            }
            if (i + 2 < end && regex.charAt(i + 1) == '-') {
                char high = regex.charAt(i + 2);
                if (high == '\\') unknown = true;
                else if (c <= '/' && '/' <= high) mentionsSlash = true;
                i += 3;
                continue;
            }
            if (c == '/') mentionsSlash = true;
            i++;
        }
        // [^.../...] excludes '/' whatever else it says; a positive class must neither name it nor be unclear.
        return negated ? mentionsSlash : !mentionsSlash && !unknown;
    }
}
