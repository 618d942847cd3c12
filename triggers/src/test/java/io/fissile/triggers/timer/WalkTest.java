package io.fissile.triggers.timer;

import io.fissile.api.Cron;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Counting the scheduled times between a last firing and now: what a restart skips and where it goes on. */
class WalkTest {
    static Instant at(String time) {
        return Instant.parse(time);
    }

    @Test
    void anIntervalIsCountedByArithmeticAndKeepsItsPhase() {
        Walk walk = Walk.from(Cron.parse("@every 5s"), at("2026-11-23T10:00:05Z"), at("2026-11-23T10:00:27.300Z"));

        assertThat(walk.passed()).isEqualTo(5);   // :05 :10 :15 :20 :25
        assertThat(walk.latest()).isEqualTo(at("2026-11-23T10:00:25Z"));
        assertThat(walk.following()).isEqualTo(at("2026-11-23T10:00:30Z"));
    }

    @Test
    void aYearOfOneSecondIntervalsIsCountedAtOnce() {
        Walk walk = Walk.from(Cron.parse("@every 1s"), at("2025-11-23T00:00:01Z"), at("2026-11-23T00:00:00Z"));

        assertThat(walk.passed()).isEqualTo(365L * 24 * 3600);
        assertThat(walk.capped()).isFalse();
        assertThat(walk.following()).isEqualTo(at("2026-11-23T00:00:01Z"));
    }

    @Test
    void aCronExpressionIsWalkedTimeByTime() {
        Walk walk = Walk.from(Cron.parse("0 */15 * * * *"), at("2026-11-23T10:15:00Z"), at("2026-11-23T11:05:00Z"));

        assertThat(walk.passed()).isEqualTo(4);   // 10:15 10:30 10:45 11:00
        assertThat(walk.latest()).isEqualTo(at("2026-11-23T11:00:00Z"));
        assertThat(walk.following()).isEqualTo(at("2026-11-23T11:15:00Z"));
    }

    @Test
    void aTimeExactlyNowHasPassed() {
        Walk walk = Walk.from(Cron.parse("@hourly"), at("2026-11-23T11:00:00Z"), at("2026-11-23T11:00:00Z"));

        assertThat(walk.passed()).isEqualTo(1);
        assertThat(walk.following()).isEqualTo(at("2026-11-23T12:00:00Z"));
    }

    @Test
    void aFirstTimeStillToComeHasNothingPassed() {
        Walk walk = Walk.from(Cron.parse("@hourly"), at("2026-11-23T12:00:00Z"), at("2026-11-23T11:59:59Z"));

        assertThat(walk.passed()).isZero();
        assertThat(walk.following()).isEqualTo(at("2026-11-23T12:00:00Z"));
    }

    @Test
    void aVeryLongWalkStopsCountingButStillFindsTheNextTime() {
        Walk walk = Walk.from(Cron.parse("* * * * * *"), at("2026-11-20T00:00:00Z"), at("2026-11-23T00:00:00.500Z"));

        assertThat(walk.capped()).isTrue();
        assertThat(walk.passedText()).isEqualTo("more than " + Walk.LIMIT);
        assertThat(walk.following()).isEqualTo(at("2026-11-23T00:00:01Z"));
    }
}
