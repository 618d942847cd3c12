package io.fissile.router.routes;

import java.util.Comparator;
import java.util.List;

/**
 * Routes indexed by path segment. A lookup walks the request path once, taking the literal
 * branch by hash: its cost grows with the path's length and with the parameters and regexes met on
 * the way, not with the number of routes.
 */
final class PathTrie {
    private final TrieNode root = new TrieNode();

    private PathTrie() {
    }

    /** Oldest routes are added first, so that within a node the older route is offered first. */
    static PathTrie of(List<Route> routes) {
        PathTrie trie = new PathTrie();
        routes.stream().sorted(Comparator.comparing(Route::order)).forEach(trie::add);
        return trie;
    }

    private void add(Route route) {
        PathTemplate template = route.template();
        TrieNode node = root;
        for (TemplateSegment segment : template.segments()) {
            node = switch (segment) {
                case LiteralSegment literal -> node.literalChild(literal.text());
                case SegmentPattern pattern -> node.patternChild(pattern);
            };
        }
        if (template.tail() != null) node.addTail(new TailRoute(template.tail(), route));
        else if (route.kind() == RouteKind.EXACT) node.addExact(route);
        else node.addPrefix(route);
    }

    /** @param search over a path that starts with '/' */
    boolean search(RouteSearch search) {
        return root.search(search, 0);
    }
}
