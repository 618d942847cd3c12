package io.fissile.router.routes;

/** A segment with parameters that never match '/': it matches exactly one path segment. */
abstract sealed class SegmentPattern implements TemplateSegment permits AnySegment, RegexSegment {

    /**
     * Matches the path segment {@code [start, end)} and, when it matches, adds its parameter
     * values to the search.
     */
    abstract boolean match(String path, int start, int end, RouteSearch search);

    /** Patterns of the same shape share a trie edge, whatever their parameters are called. */
    abstract String shape();

    /** Constrained patterns (a regex, literal text around the parameter) are tried before bare parameters. */
    abstract boolean constrained();
}
