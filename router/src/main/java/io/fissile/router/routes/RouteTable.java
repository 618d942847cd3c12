package io.fissile.router.routes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every route the router serves, indexed for lookup. Immutable: a change builds a new table that
 * replaces the old one in one step, so readers never lock.
 * <p>
 * Precedence, when several routes match a request:
 * <ol>
 *   <li>Routes for the request's host (exact match on the Host header without its port, any
 *       case) come before routes for any host.</li>
 *   <li>Then the more specific path: segment by segment from the left, a literal segment beats a
 *       parameter with a regex or literal text around it, which beats a bare {@code {param}},
 *       which beats a parameter spanning several segments; a route that matches the whole path
 *       beats a prefix route ending at the same place, and a longer prefix beats a shorter one.</li>
 *   <li>Then the older resource (creationTimestamp), then namespace and name.</li>
 * </ol>
 * A route that matches but does not answer the method is passed over; if nothing else matches,
 * the request gets 405.
 */
public final class RouteTable {
    public static final RouteTable EMPTY = of(List.of());

    private final PathTrie anyHost;
    private final Map<String, PathTrie> byHost;
    private final int size;

    private RouteTable(PathTrie anyHost, Map<String, PathTrie> byHost, int size) {
        this.anyHost = anyHost;
        this.byHost = byHost;
        this.size = size;
    }

    public static RouteTable of(List<Route> routes) {
        List<Route> hostless = new ArrayList<>();
        Map<String, List<Route>> hosted = new HashMap<>();
        for (Route route : routes) {
            if (route.host() == null) hostless.add(route);
            else hosted.computeIfAbsent(route.host(), h -> new ArrayList<>()).add(route);
        }
        Map<String, PathTrie> byHost = new HashMap<>();
        hosted.forEach((host, list) -> byHost.put(host, PathTrie.of(list)));
        return new RouteTable(PathTrie.of(hostless), Map.copyOf(byHost), routes.size());
    }

    public int size() {
        return size;
    }

    /** True when some route is limited to a host, so that lookups need the request's host. */
    public boolean hasHostRoutes() {
        return !byHost.isEmpty();
    }

    /**
     * @param method upper-case method name
     * @param host   the request's host without port, or null
     * @param path   the request path as received (percent-encoded, no query)
     */
    public RouteMatch find(String method, String host, String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') return RouteMatch.NOT_FOUND;
        String matchPath = PathDecoding.forMatching(path);
        boolean methodMismatch = false;
        PathTrie hostTrie = hostTrie(host);
        if (hostTrie != null) {
            RouteSearch search = RouteSearch.forMethod(method, matchPath);
            if (hostTrie.search(search)) return search.result(path);
            methodMismatch = search.methodMismatch();
        }
        RouteSearch search = RouteSearch.forMethod(method, matchPath);
        if (anyHost.search(search)) return search.result(path);
        return methodMismatch || search.methodMismatch() ? RouteMatch.METHOD_NOT_ALLOWED : RouteMatch.NOT_FOUND;
    }

    /** The methods of every route whose host and path match, sorted: a 405's Allow header. */
    public Set<String> allowedMethods(String host, String path) {
        Set<String> methods = new TreeSet<>();
        if (path == null || path.isEmpty() || path.charAt(0) != '/') return methods;
        String matchPath = PathDecoding.forMatching(path);
        PathTrie hostTrie = hostTrie(host);
        if (hostTrie != null) hostTrie.search(RouteSearch.collectingMethods(matchPath, methods));
        anyHost.search(RouteSearch.collectingMethods(matchPath, methods));
        return methods;
    }

    private PathTrie hostTrie(String host) {
        if (host == null || byHost.isEmpty()) return null;
        return byHost.get(normalizeHost(host));
    }

    /** Host names compare without case and without a trailing dot. */
    private static String normalizeHost(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (int i = 0; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }
}
