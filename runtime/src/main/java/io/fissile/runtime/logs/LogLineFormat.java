package io.fissile.runtime.logs;

import io.fissile.runtime.LogLine;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One log line per text line: {@code time TAB instance TAB stream TAB text}, the time in RFC 3339
 * (UTC), backslashes, tabs, carriage returns and newlines in the fields escaped as {@code \\ \t \r \n}.
 * Simple to parse with {@code cut} or a split on tabs.
 */
final class LogLineFormat {

    private LogLineFormat() {
    }

    static String format(LogLine line) {
        StringBuilder row = new StringBuilder(line.text().length() + 64);
        row.append(line.time()).append('\t');
        escape(line.instance(), row);
        row.append('\t');
        escape(line.stream(), row);
        row.append('\t');
        escape(line.text(), row);
        return row.append('\n').toString();
    }

    /**
     * Reads a row written by {@link #format}, or returns null when it is not one (e.g. a row cut by a
     * crash); the function comes from the file the row was in, not from the row.
     */
    static LogLine parse(String row, String namespace, String function) {
        String[] fields = row.split("\t", 4);
        if (fields.length != 4) return null;
        try {
            return new LogLine(Instant.parse(fields[0]), namespace, function,
                    unescape(fields[1]), unescape(fields[2]), unescape(fields[3]));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void escape(String text, StringBuilder out) {
        if (text == null) return;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
