package io.fissile.metrics;

import io.fissile.triggers.TimerStats;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timers' counts in the scrape, as they are at the scrape. */
class TimerMetricsTest {

    @Test
    void firingsFailuresAndSkippedTimesAreThoseOfTheMomentOfTheScrape() {
        FissileMetrics metrics = new FissileMetrics();
        CountingTimers timers = new CountingTimers();
        metrics.bindTimerTriggers(timers);
        timers.firings = 5;
        timers.failures = 1;
        timers.skipped = 3;

        Exposition first = Exposition.parse(metrics.scrape());
        assertThat(first.value("fissile_timetrigger_firings_total", Map.of())).contains(5.0);
        assertThat(first.value("fissile_timetrigger_failures_total", Map.of())).contains(1.0);
        assertThat(first.value("fissile_timetrigger_skipped_total", Map.of())).contains(3.0);

        timers.firings = 9;
        assertThat(Exposition.parse(metrics.scrape()).value("fissile_timetrigger_firings_total", Map.of())).contains(9.0);
        assertThatThrownBy(() -> metrics.bindTimerTriggers(timers)).isInstanceOf(IllegalStateException.class);
    }

    private static final class CountingTimers implements TimerStats {
        volatile long firings;
        volatile long failures;
        volatile long skipped;

        @Override
        public long firings() {
            return firings;
        }

        @Override
        public long failures() {
            return failures;
        }

        @Override
        public long skipped() {
            return skipped;
        }
    }
}
