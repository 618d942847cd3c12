package io.fissile.router.routes;

import java.util.Arrays;
import java.util.Set;

/**
 * The state of one walk through a trie: the parameter values captured on the way, and the first
 * route that matches both path and method. In collecting mode it finds nothing and instead
 * gathers the methods of every route whose path matches (for a 405's Allow header).
 */
final class RouteSearch {
    private static final String[] NONE = new String[0];

    private final String method;
    private final String path;
    private final Set<String> collected;
    private String[] captures = NONE;
    private int captureCount;
    private boolean methodMismatch;
    private Route route;
    private String[] parameters;
    private int stripEnd;

    private RouteSearch(String method, String path, Set<String> collected) {
        this.method = method;
        this.path = path;
        this.collected = collected;
    }

    static RouteSearch forMethod(String method, String path) {
        return new RouteSearch(method, path, null);
    }

    static RouteSearch collectingMethods(String path, Set<String> into) {
        return new RouteSearch(null, path, into);
    }

    /** The path being matched (percent-decoded). */
    String path() {
        return path;
    }

    void capture(String value) {
        if (captureCount == captures.length) captures = Arrays.copyOf(captures, Math.max(4, captureCount * 2));
        captures[captureCount++] = value;
    }

    int captureCount() {
        return captureCount;
    }

    /** Forgets the values captured after {@code mark}, when the walk backs out of a branch. */
    void dropCaptures(int mark) {
        captureCount = mark;
    }

    /**
     * Offers the routes that match the path up to here, best first. The first one that answers
     * the method ends the search.
     *
     * @param stripEnd  where the part of the path a prefix route strips ends
     * @param pathEnded true when nothing of the path is left beyond {@code stripEnd}
     */
    boolean offer(Route[] routes, int stripEnd, boolean pathEnded) {
        for (Route candidate : routes) {
            if (pathEnded && candidate.requiresTrailingSlash()) continue;
            if (collected != null) {
                if (candidate.methods() != null) collected.addAll(candidate.methods());
            } else if (candidate.allows(method)) {
                this.route = candidate;
                this.stripEnd = stripEnd;
                this.parameters = captureCount == 0 ? NONE : Arrays.copyOf(captures, captureCount);
                return true;
            } else {
                methodMismatch = true;
            }
        }
        return false;
    }

    /** True when some route matched the path but not the method. */
    boolean methodMismatch() {
        return methodMismatch;
    }

    /** The match, for the request path as received (not decoded). */
    RouteMatch result(String rawPath) {
        return RouteMatch.found(route, parameters, rawPath, path, stripEnd);
    }
}
