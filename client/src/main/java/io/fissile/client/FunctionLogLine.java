package io.fissile.client;

import java.time.Instant;

/**
 * One line a function's instance wrote, as {@code GET /v2/functions/{name}/logs} sends it.
 *
 * @param instance the instance that wrote it
 * @param stream   {@code stdout}, {@code stderr}, or {@code fissile} for the runtime's own notes about the instance
 * @param text     the line, without its line break
 */
public record FunctionLogLine(Instant time, String namespace, String function, String instance, String stream, String text) {
}
