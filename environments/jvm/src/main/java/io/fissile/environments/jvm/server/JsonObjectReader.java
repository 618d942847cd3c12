package io.fissile.environments.jvm.server;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the string members of a JSON object, such as a specialization request; members of other
 * types are checked for syntax and skipped. Enough JSON for this job, and no dependency.
 */
final class JsonObjectReader {

    private final String text;
    private int position;

    private JsonObjectReader(String text) {
        this.text = text;
    }

    /**
     * Returns the object's string members.
     *
     * @throws IllegalArgumentException when {@code text} is not a JSON object
     */
    static Map<String, String> stringMembers(String text) {
        JsonObjectReader reader = new JsonObjectReader(text);
        Map<String, String> members = new HashMap<>();
        reader.skipWhitespace();
        reader.expect('{');
        reader.skipWhitespace();
        if (!reader.consume('}')) {
            do {
                reader.skipWhitespace();
                String name = reader.string();
                reader.skipWhitespace();
                reader.expect(':');
                reader.skipWhitespace();
                if (reader.peek() == '"') {
                    members.put(name, reader.string());
                } else {
                    reader.skipValue();
                }
                reader.skipWhitespace();
            } while (reader.consume(','));
            reader.expect('}');
        }
        reader.skipWhitespace();
        if (reader.position != text.length()) {
            throw reader.error("unexpected text after the object");
        }
        return members;
    }

    private void skipValue() {
        char c = peek();
        switch (c) {
            case '"' -> string();
            case '{' -> skipContainer('{', '}', true);
            case '[' -> skipContainer('[', ']', false);
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void skipContainer(char open, char close, boolean named) {
        expect(open);
        skipWhitespace();
        if (consume(close)) {
            return;
        }
        do {
            skipWhitespace();
            if (named) {
                string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
            }
            skipValue();
            skipWhitespace();
        } while (consume(','));
        expect(close);
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> value.append(unicodeEscape());
                default -> throw error("invalid escape \\" + escaped);
            }
        }
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        try {
            char c = (char) Integer.parseInt(text, position, position + 4, 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private void number() {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        if (start == position) {
            throw error("unexpected character");
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected character");
        }
        position += word.length();
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private boolean consume(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private char next() {
        char c = peek();
        position++;
        return c;
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("invalid JSON at offset " + position + ": " + problem);
    }
}
