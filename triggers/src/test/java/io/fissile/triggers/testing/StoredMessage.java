package io.fissile.triggers.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A message as a test reads it back from a broker. */
public record StoredMessage(byte[] body, Map<String, String> headers) {
    public StoredMessage {
        headers = Map.copyOf(headers);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
