package io.fissile.environments.binary.exec;

import io.fissile.environments.jvm.http.HttpExchange;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CGI-like variables the executable sees, on top of the runtime's own environment and the
 * function's own variables:
 * REQUEST_METHOD, REQUEST_URI, CONTENT_LENGTH (-1 for a chunked body) and PATH as Fission sets
 * them, plus QUERY_STRING. Each header becomes {@code HTTP_<NAME>} upper-cased, once with its
 * dashes kept, as Fission passes it (e.g. {@code HTTP_X-FISSION-FUNCTION-NAME}, which programs
 * read but shells drop), and once with dashes as underscores, as CGI does and as a shell script
 * reads it ({@code $HTTP_X_FISSION_FUNCTION_NAME}). Repeated headers are joined with ", ".
 */
final class CgiEnvironment {

    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";
    private static final Set<String> REQUEST_VARIABLES = Set.of("REQUEST_METHOD", "REQUEST_URI", "QUERY_STRING", "CONTENT_LENGTH");
    private static final String HEADER_PREFIX = "HTTP_";

    private CgiEnvironment() {
    }

    /** Whether {@link #fill} sets the variable from each request, so a function's own must not. */
    static boolean describesRequests(String name) {
        return REQUEST_VARIABLES.contains(name) || name.startsWith(HEADER_PREFIX);
    }

    /**
     * The PATH (the function's own, else the process's) followed by the package directories, as
     * Fission's binary runtime means it.
     */
    static String basePath(Path userFuncDir, Map<String, String> functionVariables) {
        String path = functionVariables.getOrDefault("PATH", System.getenv("PATH"));
        return (path == null || path.isEmpty() ? DEFAULT_PATH : path)
                + ":" + userFuncDir.resolve("deployarchive") + ":" + userFuncDir;
    }

    static void fill(Map<String, String> environment, HttpExchange exchange, String path) {
        String target = exchange.target();
        int query = target.indexOf('?');
        environment.put("REQUEST_METHOD", exchange.method());
        environment.put("REQUEST_URI", target);
        environment.put("QUERY_STRING", query < 0 ? "" : target.substring(query + 1));
        environment.put("CONTENT_LENGTH", Long.toString(exchange.contentLength()));
        environment.put("PATH", path);
        for (int i = 0; i < exchange.headerCount(); i++) {
            String name = exchange.headerName(i).toUpperCase(Locale.ROOT);
            String value = exchange.headerValue(i);
            // "Proxy: x" must not become HTTP_PROXY, which HTTP clients take as their proxy (httpoxy).
            if (name.equals("PROXY") || value.indexOf('\0') >= 0) {
                continue;
            }
            put(environment, HEADER_PREFIX + name, value);
            if (name.indexOf('-') >= 0) {
                put(environment, HEADER_PREFIX + name.replace('-', '_'), value);
            }
        }
    }

    private static void put(Map<String, String> environment, String name, String value) {
        environment.merge(name, value, (earlier, later) -> earlier + ", " + later);
    }
}
