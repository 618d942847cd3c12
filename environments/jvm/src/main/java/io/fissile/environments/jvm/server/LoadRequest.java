package io.fissile.environments.jvm.server;

import java.nio.file.Path;

/**
 * What to specialize with: the body of {@code POST /v2/specialize}, or the v1 defaults.
 *
 * @param filepath     the code: a file or a directory
 * @param functionName the entrypoint within it, in the runtime's own terms; may be empty
 * @param url          the URL the function is exposed at; informational
 */
public record LoadRequest(Path filepath, String functionName, String url) {
}
