/**
 * Prometheus metrics of the router and the executor, under Fission's metric and label names.
 * <p>
 * {@link io.fissile.metrics.FissileMetrics} is the whole public API: the router observer to pass to
 * the router, the executor to bind, and the text to serve at {@code /metrics}. The meters beneath,
 * in {@code meters}, turn what the router and the executor report into Micrometer meters.
 */
package io.fissile.metrics;
