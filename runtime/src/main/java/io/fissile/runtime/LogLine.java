package io.fissile.runtime;

import java.time.Instant;

/**
 * One line an instance wrote.
 *
 * @param time when it was read
 * @param namespace the function's namespace, or null while the instance is generic
 * @param function the function's name, or null while the instance is generic
 * @param instance the instance id
 * @param stream {@code stdout} or {@code stderr}, or {@value #RUNTIME_STREAM} for the runtime's own
 *               notes about the instance (e.g. why it ended)
 * @param text the line, without its line break (very long lines are cut)
 * @param environmentNamespace the instance's Environment's namespace, or null when not known
 *                             (lines of generic instances are kept per Environment)
 * @param environmentName the instance's Environment's name, or null when not known
 */
public record LogLine(Instant time, String namespace, String function, String instance, String stream, String text,
                      String environmentNamespace, String environmentName) {

    /** The stream of lines the runtime itself writes about an instance. */
    public static final String RUNTIME_STREAM = "fissile";

    /** A line whose Environment is not known. */
    public LogLine(Instant time, String namespace, String function, String instance, String stream, String text) {
        this(time, namespace, function, instance, stream, text, null, null);
    }

    /** Whether the line belongs to a function (its instance was specialized), not to a generic instance. */
    public boolean hasFunction() {
        return function != null;
    }
}
