package io.fissile.bench.routes;

/**
 * One lookup's average cost in a table of {@code routes} HTTPTriggers.
 *
 * @param lookup      the benchmark method: staticPath, parameterisedPath or miss
 * @param nanos       JMH's score, nanoseconds per lookup
 * @param errorNanos  JMH's 99.9% confidence half-interval (NaN with too few iterations)
 */
public record RouteLookup(int routes, String lookup, double nanos, double errorNanos) {
}
