package io.fissile.bench.report;

import io.fissile.bench.cold.ColdStartResult;
import io.fissile.bench.routes.RouteScaleResult;
import io.fissile.bench.warm.WarmPathResult;

import java.util.List;

/**
 * Everything one run measured, as written to {@code bench/results/<time>.json}; a part that was not
 * run is null.
 *
 * @param startedAt ISO-8601, UTC
 */
public record BenchReport(String startedAt, long elapsedSeconds, Machine machine, WarmPathResult warmPath,
                          List<ColdStartResult> coldStarts, RouteScaleResult routes) {
}
