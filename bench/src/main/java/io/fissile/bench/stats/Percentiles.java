package io.fissile.bench.stats;

import java.util.Arrays;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted samples is the sample at
 * rank ceil(p/100 * n). Every percentile is a value that was measured, never an interpolation; with
 * 50 samples the 99th percentile is the largest.
 */
public final class Percentiles {
    private final double[] sorted;

    private Percentiles(double[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(double[] samples) {
        if (samples.length == 0) throw new IllegalArgumentException("no samples");
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    /** @param percentile in (0, 100] */
    public double at(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double min() {
        return sorted[0];
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public double mean() {
        double sum = 0;
        for (double sample : sorted) sum += sample;
        return sum / sorted.length;
    }

    public int count() {
        return sorted.length;
    }
}
