package io.fissile.router.routes;

/** How much of a request path a route claims. */
public enum RouteKind {
    /** The whole path matches the template ({@code relativeurl}). */
    EXACT,
    /** The template and everything beneath it, on a segment boundary ({@code prefix}, internal routes). */
    PREFIX
}
