package io.fissile.spec.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A shell glob over '/'-separated relative paths: {@code *} and {@code ?} within one path segment,
 * {@code [abc]} / {@code [!a-z]} classes, {@code \} escapes, and {@code **} across segments
 * ({@code src/**}{@code /*.js} also matches {@code src/a.js}). Split into a fixed base (the leading
 * segments without wildcards), where a search starts, and the rest, matched below it.
 */
public final class Glob {
    private final String base;
    private final String rest;
    private final Pattern restPattern;
    private final int maxDepth;

    private Glob(String base, String rest) {
        this.base = base;
        this.rest = rest;
        this.restPattern = rest.isEmpty() ? null : Pattern.compile(toRegex(rest));
        this.maxDepth = rest.contains("**") ? Integer.MAX_VALUE : (int) rest.chars().filter(c -> c == '/').count() + 1;
    }

    /** Compiles a glob; a leading '/' and "." segments are dropped. Throws IllegalArgumentException for a bad pattern. */
    public static Glob compile(String pattern) {
        List<String> fixed = new ArrayList<>();
        List<String> wild = new ArrayList<>();
        for (String s : pattern.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (wild.isEmpty() && !hasWildcard(s)) {
                fixed.add(unescape(s));
            } else {
                wild.add(s);
            }
        }
        return new Glob(String.join("/", fixed), String.join("/", wild));
    }

    /** The leading path without wildcards, "" when the glob starts with one. */
    public String base() {
        return base;
    }

    /** True when the glob names one path, without wildcards. */
    public boolean isLiteral() {
        return rest.isEmpty();
    }

    /** How many segments below the base a match can be; unbounded with {@code **}. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Whether a path relative to the base ('/'-separated) matches the wildcard part. */
    public boolean matchesBelowBase(String relativePath) {
        return restPattern != null && restPattern.matcher(relativePath).matches();
    }

    /** The regular expression for a whole glob, matching '/'-separated relative paths. */
    public static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    int stars = 0;
                    while (i < glob.length() && glob.charAt(i) == '*') {
                        stars++;
                        i++;
                    }
                    boolean segmentStart = regex.isEmpty() || glob.charAt(i - stars - 1) == '/';
                    if (stars >= 2 && segmentStart && i < glob.length() && glob.charAt(i) == '/') {
                        regex.append("(?:.*/)?");
                        i++;
                    } else {
                        regex.append(stars >= 2 ? ".*" : "[^/]*");
                    }
                    continue;
                }
                case '?' -> regex.append("[^/]");
                case '[' -> i = characterClass(glob, i, regex);
                case '\\' -> {
                    if (i + 1 < glob.length()) i++;
                    regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return regex.toString();
    }

    /** Appends the class starting at {@code start} and returns the index of its closing ']'. */
    private static int characterClass(String glob, int start, StringBuilder regex) {
        int i = start + 1;
        StringBuilder body = new StringBuilder();
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            body.append('^');
            i++;
        }
        boolean first = true;
        for (; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == ']' && !first) {
                // A class never matches the separator, as in a shell.
                regex.append("(?!/)[").append(body).append(']');
                return i;
            }
            if (c == '\\' && i + 1 < glob.length()) c = glob.charAt(++i);
            if (c == '[' || c == '\\' || c == '&' || (c == ']') || (c == '^' && !first)) body.append('\\');
            body.append(c);
            first = false;
        }
        throw new IllegalArgumentException("\"" + glob + "\" is not a valid glob: '[' without its ']'");
    }

    private static boolean hasWildcard(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '\\') i++;
            else if (c == '*' || c == '?' || c == '[') return true;
        }
        return false;
    }

    private static String unescape(String segment) {
        return segment.replaceAll("\\\\(.)", "$1");
    }
}
