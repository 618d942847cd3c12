package io.fissile.router.routes;

/** A segment without parameters: matched by a hash lookup, never by a regex. */
record LiteralSegment(String text) implements TemplateSegment {
}
