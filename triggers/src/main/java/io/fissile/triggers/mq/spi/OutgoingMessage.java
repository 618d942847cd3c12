package io.fissile.triggers.mq.spi;

import java.util.Map;

/** A response or an error to publish. */
public record OutgoingMessage(byte[] body, String contentType, Map<String, String> headers) {
    public OutgoingMessage {
        headers = Map.copyOf(headers);
    }
}
