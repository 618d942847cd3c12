package io.fissile.controller;

/**
 * What {@code GET /metrics} serves: metrics in Prometheus's text exposition format, read anew at
 * each request (the controller asks off its event loop, so reading may take a few milliseconds).
 */
@FunctionalInterface
public interface MetricsSource {
    /** The content type {@code GET /metrics} answers with: Prometheus's text format, version 0.0.4. */
    String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Every metric now, in Prometheus's text format. */
    String scrape();
}
