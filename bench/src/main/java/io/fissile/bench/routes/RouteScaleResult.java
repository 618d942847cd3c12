package io.fissile.bench.routes;

import java.util.List;

/** The route table at scale: lookup costs by table size (JMH), and the heap of the largest table. */
public record RouteScaleResult(List<RouteLookup> lookups, RouteHeap.Result heap) {
}
