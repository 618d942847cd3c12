package io.fissile.bench.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void fiftyColdStartsGiveTheNearestRankOfEachPercentile() {
        List<Double> millis = new ArrayList<>();
        for (int i = 1; i <= 50; i++) millis.add((double) i);
        Collections.shuffle(millis);

        LatencySummary summary = LatencySummary.of(millis);

        assertThat(summary.count()).isEqualTo(50);
        assertThat(summary.p50()).isEqualTo(25);
        assertThat(summary.p90()).isEqualTo(45);
        assertThat(summary.p99()).as("with 50 samples the 99th percentile is the slowest").isEqualTo(50);
        assertThat(summary.min()).isEqualTo(1);
        assertThat(summary.max()).isEqualTo(50);
        assertThat(summary.mean()).isEqualTo(25.5);
    }

    @Test
    void everyPercentileIsAMeasuredValue() {
        Percentiles percentiles = Percentiles.of(new double[]{9.5, 2.25, 30.0, 4.0});

        assertThat(percentiles.at(50)).isEqualTo(4.0);
        assertThat(percentiles.at(75)).isEqualTo(9.5);
        assertThat(percentiles.at(100)).isEqualTo(30.0);
        assertThat(percentiles.at(0.1)).isEqualTo(2.25);
    }

    @Test
    void refusesNoSamplesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Percentiles.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[]{1}).at(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new double[]{1}).at(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
