package io.fissile.bench.stats;

import java.util.List;

/** What a list of latencies (milliseconds) comes to: the figures the report shows. */
public record LatencySummary(int count, double min, double p50, double p90, double p99, double max, double mean) {

    public static LatencySummary of(List<Double> millis) {
        Percentiles percentiles = Percentiles.of(millis.stream().mapToDouble(Double::doubleValue).toArray());
        return new LatencySummary(percentiles.count(), percentiles.min(), percentiles.at(50), percentiles.at(90),
                percentiles.at(99), percentiles.max(), percentiles.mean());
    }
}
