package io.fissile.triggers.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A message as a test reads it back from a broker. */
public record StoredMessage(byte[] body, Map<String, String> headers) {
    public StoredMessage {
        headers = Map.copyOf(headers);
    }

    /** A header by name, ignoring case as HTTP does (the function's answer headers come through HTTP). */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
