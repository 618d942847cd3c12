package io.fissile.router.routes;

import java.util.Arrays;

/**
 * A node of the path trie: the routes whose template ends here, and the ways one more path
 * segment leads on (literal segments by hash, patterns in order, tails by regex). Built once,
 * then only read, by any number of threads.
 */
final class TrieNode {
    private static final Route[] NO_ROUTES = new Route[0];

    private SegmentMap<TrieNode> literals;
    private PatternEdge[] patterns;
    private TailRoute[] tails;
    private Route[] exact = NO_ROUTES;
    private Route[] prefixes = NO_ROUTES;

    private record PatternEdge(SegmentPattern pattern, TrieNode child) {
    }

    TrieNode literalChild(String segment) {
        if (literals == null) literals = new SegmentMap<>();
        TrieNode child = literals.get(segment);
        if (child == null) {
            child = new TrieNode();
            literals.put(segment, child);
        }
        return child;
    }

    TrieNode patternChild(SegmentPattern pattern) {
        if (patterns == null) patterns = new PatternEdge[0];
        for (PatternEdge edge : patterns) {
            if (edge.pattern().shape().equals(pattern.shape())) return edge.child();
        }
        // Constrained patterns before bare parameters; otherwise the first (oldest route's) first.
        int at = patterns.length;
        if (pattern.constrained()) {
            at = 0;
            while (at < patterns.length && patterns[at].pattern().constrained()) at++;
        }
        PatternEdge edge = new PatternEdge(pattern, new TrieNode());
        PatternEdge[] grown = new PatternEdge[patterns.length + 1];
        System.arraycopy(patterns, 0, grown, 0, at);
        grown[at] = edge;
        System.arraycopy(patterns, at, grown, at + 1, patterns.length - at);
        patterns = grown;
        return edge.child();
    }

    void addExact(Route route) {
        exact = append(exact, route);
    }

    void addPrefix(Route route) {
        prefixes = append(prefixes, route);
    }

    void addTail(TailRoute tail) {
        tails = tails == null ? new TailRoute[]{tail} : Arrays.copyOf(tails, tails.length + 1);
        tails[tails.length - 1] = tail;
    }

    private static Route[] append(Route[] routes, Route route) {
        Route[] grown = Arrays.copyOf(routes, routes.length + 1);
        grown[routes.length] = route;
        return grown;
    }

    /**
     * Looks for the best route beneath this node. {@code end} is where the path matched so far
     * ends: at a '/' or at the end of the path. Depth first, most specific first: a literal
     * segment, then patterns, then tails, and only then the prefixes that end here, so that
     * longer matches win over shorter prefixes.
     */
    boolean search(RouteSearch search, int end) {
        String path = search.path();
        int length = path.length();
        if (end == length) {
            return exact.length > 0 && search.offer(exact, end, true)
                    || prefixes.length > 0 && search.offer(prefixes, end, true);
        }
        int start = end + 1;
        int segmentEnd = path.indexOf('/', start);
        if (segmentEnd < 0) segmentEnd = length;
        if (literals != null) {
            TrieNode child = literals.get(path, start, segmentEnd);
            if (child != null && child.search(search, segmentEnd)) return true;
        }
        if (patterns != null) {
            for (PatternEdge edge : patterns) {
                int mark = search.captureCount();
                if (edge.pattern().match(path, start, segmentEnd, search) && edge.child().search(search, segmentEnd)) return true;
                search.dropCaptures(mark);
            }
        }
        if (tails != null) {
            for (TailRoute tail : tails) {
                if (tail.search(search, start)) return true;
            }
        }
        return prefixes.length > 0 && search.offer(prefixes, end, false);
    }
}
