package io.fissile.router.routes;

/** One '/'-separated segment of a path template, as the trie matches it. */
sealed interface TemplateSegment permits LiteralSegment, SegmentPattern {
}
