package io.fissile.router.routes;

/**
 * What a lookup found: a route with its parameter values and the path to forward, or why
 * nothing was found.
 */
public final class RouteMatch {

    public enum Outcome {
        FOUND,
        /** No route matches the path (and host). */
        NOT_FOUND,
        /** Routes match the path, but none answers the method. */
        METHOD_NOT_ALLOWED
    }

    static final RouteMatch NOT_FOUND = new RouteMatch(Outcome.NOT_FOUND, null, null, null, null, 0);
    static final RouteMatch METHOD_NOT_ALLOWED = new RouteMatch(Outcome.METHOD_NOT_ALLOWED, null, null, null, null, 0);

    private final Outcome outcome;
    private final Route route;
    private final String[] parameters;
    private final String rawPath;
    private final String matchedPath;
    private final int stripEnd;

    private RouteMatch(Outcome outcome, Route route, String[] parameters, String rawPath, String matchedPath, int stripEnd) {
        this.outcome = outcome;
        this.route = route;
        this.parameters = parameters;
        this.rawPath = rawPath;
        this.matchedPath = matchedPath;
        this.stripEnd = stripEnd;
    }

    static RouteMatch found(Route route, String[] parameters, String rawPath, String matchedPath, int stripEnd) {
        return new RouteMatch(Outcome.FOUND, route, parameters, rawPath, matchedPath, stripEnd);
    }

    public Outcome outcome() {
        return outcome;
    }

    public boolean found() {
        return outcome == Outcome.FOUND;
    }

    public Route route() {
        return route;
    }

    public int parameterCount() {
        return parameters.length;
    }

    /** The value of parameter {@code index} (in the order of the template's parameter names), percent-decoded. */
    public String parameter(int index) {
        return parameters[index];
    }

    /** The value of the named parameter, or null; for tests and logs, the proxy goes by index. */
    public String parameter(String name) {
        String value = null;
        for (int i = 0; i < parameters.length; i++) {
            if (route.template().parameterNames().get(i).equals(name)) value = parameters[i];
        }
        return value;
    }

    /**
     * The path to send the function, still percent-encoded as received: the whole path for a
     * relativeurl route and for a prefix route that keeps its prefix; otherwise what follows the
     * prefix, or "/" when nothing does.
     */
    public String forwardedPath() {
        if (route.kind() == RouteKind.EXACT || route.keepPrefix()) return rawPath;
        int offset = rawOffset(stripEnd);
        return offset >= rawPath.length() ? "/" : rawPath.substring(offset);
    }

    /** True when the path forwarded is the path received. */
    public boolean forwardsWholePath() {
        return route.kind() == RouteKind.EXACT || route.keepPrefix() || stripEnd == 0;
    }

    /** Where {@code offset} of the decoded path is in the raw one; both have their '/'s in the same order. */
    private int rawOffset(int offset) {
        if (offset >= matchedPath.length()) return rawPath.length();
        if (matchedPath == rawPath) return offset;
        int slashes = 0;
        for (int i = 0; i < offset; i++) {
            if (matchedPath.charAt(i) == '/') slashes++;
        }
        for (int i = 0; i < rawPath.length(); i++) {
            if (rawPath.charAt(i) == '/' && slashes-- == 0) return i;
        }
        return rawPath.length();
    }

    @Override
    public String toString() {
        return found() ? "FOUND " + route : outcome.toString();
    }
}
