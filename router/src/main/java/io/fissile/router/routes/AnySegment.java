package io.fissile.router.routes;

/** A bare {@code {name}} segment: any non-empty segment, with no regex to run. */
final class AnySegment extends SegmentPattern {
    static final AnySegment INSTANCE = new AnySegment();

    private AnySegment() {
    }

    @Override
    boolean match(String path, int start, int end, RouteSearch search) {
        if (end == start) return false;
        search.capture(path.substring(start, end));
        return true;
    }

    @Override
    String shape() {
        return "{}";
    }

    @Override
    boolean constrained() {
        return false;
    }
}
