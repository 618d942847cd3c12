package io.fissile.executor.newdeploy;

import io.fissile.executor.AutoscalingOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The scaling decisions, fed one sample a second with Knative's windows: 60 s stable, 6 s panic, panic at twice the instances. */
class ConcurrencyAutoscalerTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final AutoscalingOptions KNATIVE_WINDOWS = AutoscalingOptions.defaults();

    private long now;
    private int scale;

    @Test
    void aSteadyLoadNeedsItsConcurrencyOverTheTargetPerInstanceRoundedUp() {
        ConcurrencyAutoscaler autoscaler = new ConcurrencyAutoscaler(KNATIVE_WINDOWS, 10, 0, 20);
        scale = 3;

        assertThat(feed(autoscaler, 25, 90)).isEqualTo(3);
        assertThat(feed(autoscaler, 20, 90)).as("exactly two instances' worth").isEqualTo(2);
    }

    @Test
    void itStaysBetweenMinScaleAndMaxScale() {
        ConcurrencyAutoscaler autoscaler = new ConcurrencyAutoscaler(KNATIVE_WINDOWS, 1, 2, 5);
        scale = 2;

        assertThat(feed(autoscaler, 0, 90)).isEqualTo(2);
        assertThat(feed(autoscaler, 50, 90)).isEqualTo(5);
    }

    @Test
    void aBurstIsFollowedWithinSecondsWhileTheStableWindowWouldLagForAMinute() {
        ConcurrencyAutoscaler autoscaler = new ConcurrencyAutoscaler(KNATIVE_WINDOWS, 1, 0, 100);
        scale = 1;
        feed(autoscaler, 1, 60);

        int afterThreeSeconds = feed(autoscaler, 20, 3);

        assertThat(autoscaler.panicking()).isTrue();
        assertThat(afterThreeSeconds).as("the panic window's average (3 x 1 + 3 x 20) / 6, rounded up").isEqualTo(11);
    }

    @Test
    void inPanicItNeverScalesDownUntilAStableWindowPassesWithoutABurst() {
        ConcurrencyAutoscaler autoscaler = new ConcurrencyAutoscaler(KNATIVE_WINDOWS, 1, 0, 100);
        scale = 1;
        feed(autoscaler, 1, 60);
        int peak = feed(autoscaler, 30, 6);
        assertThat(peak).isEqualTo(30);

        assertThat(feed(autoscaler, 1, 50)).as("50 s after the burst ended").isEqualTo(30);
        assertThat(feed(autoscaler, 1, 20)).as("70 s after: stable again").isLessThan(30);
        assertThat(autoscaler.panicking()).isFalse();
    }

    @Test
    void whenTheLoadStopsItScalesDownAsTheStableAverageFallsAndToZeroAfterAWholeWindow() {
        ConcurrencyAutoscaler autoscaler = new ConcurrencyAutoscaler(KNATIVE_WINDOWS, 1, 0, 10);
        scale = 4;
        assertThat(feed(autoscaler, 4, 60)).isEqualTo(4);

        assertThat(feed(autoscaler, 0, 30)).as("half a window of no load").isEqualTo(2);
        assertThat(feed(autoscaler, 0, 29)).as("still one sample of load in the window").isEqualTo(1);
        assertThat(feed(autoscaler, 0, 1)).isZero();
    }

    @Test
    void shortWindowsFromTheOptionsScaleAsFast() {
        AutoscalingOptions fast = AutoscalingOptions.defaults().withTick(Duration.ofMillis(100))
                .withStableWindow(Duration.ofSeconds(2)).withPanicWindow(Duration.ofMillis(500));
        ConcurrencyAutoscaler autoscaler = new ConcurrencyAutoscaler(fast, 1, 0, 10);
        scale = 3;
        feed(autoscaler, 3, 60);

        assertThat(feed(autoscaler, 0, 2)).as("two seconds of no load: a whole stable window").isZero();
    }

    /** One sample a second for {@code seconds}, applying each decision as the current scale; the last decision. */
    private int feed(ConcurrencyAutoscaler autoscaler, double concurrency, int seconds) {
        for (int i = 0; i < seconds; i++) {
            now += SECOND;
            autoscaler.record(now, concurrency);
            scale = autoscaler.desiredScale(now, scale);
        }
        return scale;
    }
}
