package io.fissile.api;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmallParsersTest {

    @Test
    void labelSelectorsFollowKubernetesSyntax() {
        Map<String, String> web = Map.of("app", "web", "tier", "front");
        Map<String, String> db = Map.of("app", "db");

        assertThat(LabelSelector.parse("app=web").matches(web)).isTrue();
        assertThat(LabelSelector.parse("app==web,tier=front").matches(web)).isTrue();
        assertThat(LabelSelector.parse("app!=web").matches(db)).isTrue();
        assertThat(LabelSelector.parse("app!=web").matches(Map.of())).isTrue();
        assertThat(LabelSelector.parse("app in (web, db)").matches(db)).isTrue();
        assertThat(LabelSelector.parse("app notin (web,db)").matches(db)).isFalse();
        assertThat(LabelSelector.parse("tier").matches(web)).isTrue();
        assertThat(LabelSelector.parse("!tier").matches(web)).isFalse();
        assertThat(LabelSelector.parse("app in (web),!tier").matches(Map.of("app", "web"))).isTrue();
        assertThat(LabelSelector.parse("").matches(db)).isTrue();
        assertThat(LabelSelector.parse(" app = web ").toString()).isEqualTo("app=web");
        assertThatThrownBy(() -> LabelSelector.parse("app in web")).hasMessageContaining("parenthesised");
        assertThatThrownBy(() -> LabelSelector.parse("app=web,")).hasMessageContaining("empty requirement");
        assertThatThrownBy(() -> LabelSelector.parse("bad key=x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void goDurations() {
        assertThat(GoDuration.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(GoDuration.parse("2m0.5s")).isEqualTo(Duration.ofMillis(120_500));
        assertThat(GoDuration.parse("-5s")).isEqualTo(Duration.ofSeconds(-5));
        assertThat(GoDuration.parse("0")).isZero();
        assertThatThrownBy(() -> GoDuration.parse("5")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> GoDuration.parse("5 s")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> GoDuration.parse("2d")).hasMessageContaining("not a duration");
    }

    @Test
    void quantities() {
        assertThat(Quantity.parse("500m")).isEqualByComparingTo("0.5");
        assertThat(Quantity.parse("2")).isEqualByComparingTo("2");
        assertThat(Quantity.parse("128Mi")).isEqualByComparingTo(BigDecimal.valueOf(128L * 1024 * 1024));
        assertThat(Quantity.parse("1G")).isEqualByComparingTo("1000000000");
        assertThat(Quantity.parse("1e3")).isEqualByComparingTo("1000");
        assertThat(Quantity.parse("1Ei")).isEqualByComparingTo(BigDecimal.valueOf(2).pow(60));
        assertThatThrownBy(() -> Quantity.parse("12 MB")).hasMessageContaining("not a quantity");
    }

    @Test
    void cronSchedulesFireWhenFissionsWould() {
        ZonedDateTime t = ZonedDateTime.parse("2026-11-23T10:07:30Z");

        assertThat(Cron.parse("*/5 * * * *").next(t)).contains(ZonedDateTime.parse("2026-11-23T10:10:00Z"));
        assertThat(Cron.parse("15 * * * * *").next(t)).contains(ZonedDateTime.parse("2026-11-23T10:08:15Z"));
        assertThat(Cron.parse("@hourly").next(t)).contains(ZonedDateTime.parse("2026-11-23T11:00:00Z"));
        assertThat(Cron.parse("@daily").next(t)).contains(ZonedDateTime.parse("2026-11-24T00:00:00Z"));
        assertThat(Cron.parse("@every 5s").next(t)).contains(ZonedDateTime.parse("2026-11-23T10:07:35Z"));
        assertThat(Cron.parse("@every 100ms").next(t)).contains(ZonedDateTime.parse("2026-11-23T10:07:31Z"));
        // 2026-11-23 is a Monday; 0 and 7 are both Sunday.
        assertThat(Cron.parse("0 9 * * 0").next(t)).contains(ZonedDateTime.parse("2026-11-29T09:00:00Z"));
        assertThat(Cron.parse("0 9 * * 7").next(t)).contains(ZonedDateTime.parse("2026-11-29T09:00:00Z"));
        assertThat(Cron.parse("0 9 * * MON-FRI").next(t)).contains(ZonedDateTime.parse("2026-11-24T09:00:00Z"));
        assertThat(Cron.parse("CRON_TZ=Asia/Tokyo 0 9 * * *").next(t).map(z -> z.toInstant().toString()))
                .contains("2026-11-24T00:00:00Z");
        assertThatThrownBy(() -> Cron.parse("* * * *")).hasMessageContaining("4 fields");
    }
}
