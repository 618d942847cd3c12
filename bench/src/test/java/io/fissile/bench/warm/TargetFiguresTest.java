package io.fissile.bench.warm;

import io.fissile.bench.wrk.WrkResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetFiguresTest {

    @Test
    void reportsTheMedianRoundByThroughputWithItsOwnLatencies() {
        WrkResult disturbed = round(8_000, 4.6, 915.0, 0);
        WrkResult median = round(12_000, 3.4, 96.0, 2);
        WrkResult best = round(15_900, 2.1, 31.0, 1);

        TargetFigures figures = TargetFigures.of(List.of(disturbed, best, median));

        assertThat(figures.requestsPerSecond()).isEqualTo(12_000);
        assertThat(figures.p50Millis()).isEqualTo(3.4);
        assertThat(figures.p99Millis()).as("the p99 of that same round, not the median of all p99s").isEqualTo(96.0);
        assertThat(figures.medianRound()).isEqualTo(2);
        assertThat(figures.errors()).as("errors of every round").isEqualTo(3);
    }

    private static WrkResult round(double requestsPerSecond, double p50, double p99, long errors) {
        return new WrkResult(requestsPerSecond, (long) (requestsPerSecond * 10), 10, p50, p99 * 1.2, p50, p50 * 2, p99 / 2, p99, errors);
    }
}
