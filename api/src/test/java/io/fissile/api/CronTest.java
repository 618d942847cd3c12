package io.fissile.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schedules fire when Fission's (robfig/cron with optional seconds and descriptors) would fire them. */
class CronTest {
    /** A Monday, with a fraction of a second as a real clock has. */
    static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-23T10:07:30.400Z");

    static ZonedDateTime next(String schedule) {
        return Cron.parse(schedule).next(NOW).orElseThrow();
    }

    static ZonedDateTime at(String time) {
        return ZonedDateTime.parse(time);
    }

    @Test
    void everyDescriptorFiresWhereFissionDoes() {
        assertThat(next("@yearly")).isEqualTo(at("2027-01-01T00:00:00Z"));
        assertThat(next("@annually")).isEqualTo(at("2027-01-01T00:00:00Z"));
        assertThat(next("@monthly")).isEqualTo(at("2026-12-01T00:00:00Z"));
        assertThat(next("@weekly")).as("Sunday midnight").isEqualTo(at("2026-11-29T00:00:00Z"));
        assertThat(next("@daily")).isEqualTo(at("2026-11-24T00:00:00Z"));
        assertThat(next("@midnight")).isEqualTo(at("2026-11-24T00:00:00Z"));
        assertThat(next("@hourly")).isEqualTo(at("2026-11-23T11:00:00Z"));
    }

    @Test
    void everyTakesGoDurationsInWholeSecondsOfAtLeastOne() {
        assertThat(next("@every 5s")).isEqualTo(at("2026-11-23T10:07:35Z"));
        assertThat(next("@every 1h30m")).isEqualTo(at("2026-11-23T11:37:30Z"));
        assertThat(next("@every 1.5h")).isEqualTo(at("2026-11-23T11:37:30Z"));
        assertThat(next("@every 2m30s")).isEqualTo(at("2026-11-23T10:10:00Z"));
        assertThat(next("@every 500ms")).as("rounded up to a second").isEqualTo(at("2026-11-23T10:07:31Z"));
        assertThat(next("@every 2500ms")).as("fraction dropped").isEqualTo(at("2026-11-23T10:07:32Z"));
        assertThat(Cron.parse("@every 1h30m").interval()).contains(Duration.ofMinutes(90));
        assertThat(Cron.parse("@hourly").interval()).isEmpty();
    }

    @Test
    void fiveFieldsStartAtMinutesAndSixAtSeconds() {
        assertThat(next("*/5 * * * *")).isEqualTo(at("2026-11-23T10:10:00Z"));
        assertThat(next("15 * * * * *")).isEqualTo(at("2026-11-23T10:08:15Z"));
        assertThat(next("5/15 * * * * *")).as("from 5 by 15").isEqualTo(at("2026-11-23T10:07:35Z"));
        assertThat(next("0 0/30 8-10 * * *")).isEqualTo(at("2026-11-23T10:30:00Z"));
        assertThat(next("0 0 1,15 * *")).isEqualTo(at("2026-12-01T00:00:00Z"));
        assertThat(next("0 0 1 jan *")).as("month names, any case").isEqualTo(at("2027-01-01T00:00:00Z"));
        assertThat(next("0 9 * * MON-FRI")).isEqualTo(at("2026-11-24T09:00:00Z"));
        assertThat(next("0 9 * * sun")).isEqualTo(at("2026-11-29T09:00:00Z"));
        assertThat(next("0 9 * * 0")).isEqualTo(at("2026-11-29T09:00:00Z"));
        assertThat(next("0 9 * * 7")).as("7 is Sunday too").isEqualTo(at("2026-11-29T09:00:00Z"));
    }

    @Test
    void everySecondFiresOnWholeSeconds() {
        List<ZonedDateTime> times = new ArrayList<>();
        ZonedDateTime t = NOW;
        for (int i = 0; i < 3; i++) times.add(t = Cron.parse("* * * * * *").next(t).orElseThrow());

        assertThat(times).containsExactly(at("2026-11-23T10:07:31Z"), at("2026-11-23T10:07:32Z"), at("2026-11-23T10:07:33Z"));
        assertThat(next("*/1 * * * * ?")).isEqualTo(at("2026-11-23T10:07:31Z"));
    }

    @Test
    void questionMarkMeansAnyInEveryField() {
        assertThat(next("0 0 ? * *")).isEqualTo(at("2026-11-24T00:00:00Z"));
        assertThat(next("0 ? * * *")).isEqualTo(at("2026-11-23T11:00:00Z"));
        assertThat(next("0 9 ? * MON")).isEqualTo(at("2026-11-30T09:00:00Z"));
    }

    @Test
    void aDayOfMonthAndADayOfWeekAreAlternativesUnlessOneStartsWithAStar() {
        // The 1st of the month OR any Monday: the next Monday comes first.
        assertThat(next("0 0 1 * MON")).isEqualTo(at("2026-11-30T00:00:00Z"));
        // The 24th OR a Friday: the 24th, a Tuesday, comes before Friday the 27th.
        assertThat(next("0 0 24 * FRI")).isEqualTo(at("2026-11-24T00:00:00Z"));
        // A star makes them both required: odd days that are Mondays.
        assertThat(next("0 0 */2 * MON")).isEqualTo(at("2026-12-07T00:00:00Z"));
    }

    @Test
    void timeZonesShiftTheSchedule() {
        assertThat(next("CRON_TZ=Asia/Tokyo 0 9 * * *").toInstant()).isEqualTo(at("2026-11-24T00:00:00Z").toInstant());
        assertThat(next("TZ=Europe/Berlin 0 9 * * *").toInstant()).isEqualTo(at("2026-11-24T08:00:00Z").toInstant());
    }

    @Test
    void aScheduleThatNeverFiresHasNoNextTime() {
        assertThat(Cron.parse("0 0 31 2 *").next(NOW)).isEmpty();
    }

    @Test
    void badSchedulesSayWhatIsWrong() {
        assertThatThrownBy(() -> Cron.parse(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Cron.parse("* * * *")).hasMessageContaining("4 fields");
        assertThatThrownBy(() -> Cron.parse("* * * * * * *")).hasMessageContaining("7 fields");
        assertThatThrownBy(() -> Cron.parse("60 * * * *")).hasMessage("\"60 * * * *\" is not a valid schedule: minute: Value 60 not in range [0, 59]");
        assertThatThrownBy(() -> Cron.parse("0 30 * * 1-5")).hasMessageContaining("valid schedule: hour: ").hasMessageContaining("30");
        assertThatThrownBy(() -> Cron.parse("0 0 * * * FUNDAY")).hasMessageContaining("valid schedule: day of week: ");
        assertThatThrownBy(() -> Cron.parse("0 0 0 * 13 *")).hasMessageContaining("valid schedule: month: ");
        assertThatThrownBy(() -> Cron.parse("@fortnightly")).hasMessageContaining("unknown descriptor \"@fortnightly\"");
        assertThatThrownBy(() -> Cron.parse("@every")).hasMessageContaining("@every needs a duration");
        assertThatThrownBy(() -> Cron.parse("@every 5")).hasMessageContaining("@every").hasMessageContaining("\"5\"");
        assertThatThrownBy(() -> Cron.parse("@every 0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Cron.parse("@every -5s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Cron.parse("CRON_TZ=Mars/Olympus 0 * * * *")).hasMessageContaining("unknown time zone \"Mars/Olympus\"");
    }
}
