package io.fissile.router.routes;

/** A route whose template ends in a {@link TailPattern}, hung on the trie node where the pattern starts. */
final class TailRoute {
    private final TailPattern pattern;
    private final Route[] route;

    TailRoute(TailPattern pattern, Route route) {
        this.pattern = pattern;
        this.route = new Route[]{route};
    }

    /** Matches the path from {@code start} (the first character after a '/'). */
    boolean search(RouteSearch search, int start) {
        String path = search.path();
        int mark = search.captureCount();
        int end = pattern.match(path, start, search);
        if (end >= 0 && search.offer(route, end, end == path.length())) return true;
        search.dropCaptures(mark);
        return false;
    }
}
