package io.fissile.api;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A TimeTrigger schedule, read as Fission reads it: five fields (minute hour day month weekday),
 * six with leading seconds, a descriptor ({@code @hourly}, {@code @daily}, ...), or
 * {@code @every <duration>}; optionally prefixed by {@code CRON_TZ=<zone>} or {@code TZ=<zone>}.
 */
public final class Cron {
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
            "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *",
            "@hourly", "0 0 * * * *");
    private static final CronParser SIX_FIELDS = new CronParser(definition(true));
    private static final CronParser FIVE_FIELDS = new CronParser(definition(false));

    private final String text;
    private final ZoneId zone;
    private final ExecutionTime schedule;
    private final Duration every;

    private Cron(String text, ZoneId zone, ExecutionTime schedule, Duration every) {
        this.text = text;
        this.zone = zone;
        this.schedule = schedule;
        this.every = every;
    }

    /** Parses a schedule; throws IllegalArgumentException saying what is wrong with it. */
    public static Cron parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the schedule is empty");
        String spec = text.trim();
        ZoneId zone = ZoneOffset.UTC;
        if (spec.startsWith("CRON_TZ=") || spec.startsWith("TZ=")) {
            int space = spec.indexOf(' ');
            if (space < 0) throw new IllegalArgumentException("\"" + text + "\" names a time zone but no schedule");
            String zoneName = spec.substring(spec.indexOf('=') + 1, space);
            try {
                zone = ZoneId.of(zoneName);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("unknown time zone \"" + zoneName + "\"");
            }
            spec = spec.substring(space + 1).trim();
        }
        if (spec.startsWith("@every")) {
            Duration every = GoDuration.parse(spec.substring("@every".length()).trim());
            if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("@every needs a positive duration");
            // As in Fission: at least one second, in whole seconds.
            every = Duration.ofSeconds(Math.max(1, every.getSeconds()));
            return new Cron(text, zone, null, every);
        }
        if (spec.startsWith("@")) {
            String expanded = DESCRIPTORS.get(spec.toLowerCase(Locale.ROOT));
            if (expanded == null) {
                throw new IllegalArgumentException("unknown descriptor \"" + spec + "\"; use @yearly, @monthly, @weekly, "
                        + "@daily, @hourly or @every <duration>");
            }
            spec = expanded;
        }
        String[] fields = spec.split("\\s+");
        CronParser parser = switch (fields.length) {
            case 5 -> FIVE_FIELDS;
            case 6 -> SIX_FIELDS;
            default -> throw new IllegalArgumentException("\"" + text + "\" has " + fields.length
                    + " fields; a schedule has 5 (minute hour day month weekday) or 6 (with seconds first)");
        };
        try {
            return new Cron(text, zone, ExecutionTime.forCron(parser.parse(String.join(" ", fields))), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid schedule: " + e.getMessage());
        }
    }

    /** The first time strictly after {@code after} that the schedule fires, if any. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZonedDateTime local = after.withZoneSameInstant(zone);
        if (every != null) {
            return Optional.of(local.truncatedTo(ChronoUnit.SECONDS).plus(every));
        }
        return schedule.nextExecution(local);
    }

    @Override
    public String toString() {
        return text;
    }

    private static CronDefinition definition(boolean withSeconds) {
        var builder = CronDefinitionBuilder.defineCron();
        if (withSeconds) {
            builder = builder.withSeconds().and();
        }
        return builder.withMinutes().and()
                .withHours().and()
                .withDayOfMonth().supportsQuestionMark().and()
                .withMonth().and()
                .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).supportsQuestionMark().and()
                .instance();
    }
}
