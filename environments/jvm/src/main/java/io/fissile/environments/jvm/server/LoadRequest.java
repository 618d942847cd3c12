package io.fissile.environments.jvm.server;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to specialize with: the body of {@code POST /v2/specialize}, or the v1 defaults.
 *
 * @param filepath     the code: a file or a directory
 * @param functionName the entrypoint within it, in the runtime's own terms; may be empty
 * @param url          the URL the function is exposed at; informational
 * @param environment  the function's own environment variables ({@code "env"}), checked by
 *                     {@link FunctionEnvironment}; empty for none
 */
public record LoadRequest(Path filepath, String functionName, String url, Map<String, String> environment) {

    public LoadRequest {
        environment = Map.copyOf(environment);
    }

    /** A request without environment variables of the function's own. */
    public LoadRequest(Path filepath, String functionName, String url) {
        this(filepath, functionName, url, Map.of());
    }
}
