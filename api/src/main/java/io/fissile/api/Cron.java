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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A TimeTrigger schedule, read as Fission reads it: five fields (minute hour day month weekday),
 * six with leading seconds, a descriptor ({@code @yearly}, {@code @annually}, {@code @monthly},
 * {@code @weekly}, {@code @daily}, {@code @midnight}, {@code @hourly}), or {@code @every <duration>}
 * (a Go duration, at least one second, in whole seconds); optionally prefixed by
 * {@code CRON_TZ=<zone>} or {@code TZ=<zone>}. Times are whole seconds.
 * <p>
 * As in classic cron, when both the day of month and the day of week are restricted (neither starts
 * with {@code *} or {@code ?}) a day matching either fires; {@code ?} means {@code *} in any field.
 */
public final class Cron {
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 0 1 1 *", "@annually", "0 0 0 1 1 *", "@monthly", "0 0 0 1 * *",
            "@weekly", "0 0 0 * * 0", "@daily", "0 0 0 * * *", "@midnight", "0 0 0 * * *",
            "@hourly", "0 0 * * * *");
    private static final CronParser SIX_FIELDS = new CronParser(definition());
    private static final int DAY_OF_MONTH = 3;
    private static final int DAY_OF_WEEK = 5;
    private static final String[] FIELD_NAMES = {"second", "minute", "hour", "day of month", "month", "day of week"};

    private final String text;
    private final ZoneId zone;
    /** Times fire when any of these does: one, or two when day of month and day of week are alternatives. */
    private final List<ExecutionTime> schedules;
    private final Duration every;

    private Cron(String text, ZoneId zone, List<ExecutionTime> schedules, Duration every) {
        this.text = text;
        this.zone = zone;
        this.schedules = schedules;
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
        if (spec.toLowerCase(Locale.ROOT).startsWith("@every")) {
            return new Cron(text, zone, List.of(), every(spec.substring("@every".length()).trim()));
        }
        if (spec.startsWith("@")) {
            String expanded = DESCRIPTORS.get(spec.toLowerCase(Locale.ROOT));
            if (expanded == null) {
                throw new IllegalArgumentException("unknown descriptor \"" + spec + "\"; use @yearly, @annually, @monthly, "
                        + "@weekly, @daily, @midnight, @hourly or @every <duration>");
            }
            spec = expanded;
        }
        String[] fields = spec.split("\\s+");
        if (fields.length == 5) {
            fields = prepend("0", fields);
        } else if (fields.length != 6) {
            throw new IllegalArgumentException("\"" + text + "\" has " + fields.length
                    + " fields; a schedule has 5 (minute hour day month weekday) or 6 (with seconds first)");
        }
        try {
            return new Cron(text, zone, schedules(fields), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid schedule: " + faultyField(fields)
                    + e.getMessage().replace("Failed to parse cron expression. ", ""));
        }
    }

    /** The first time strictly after {@code after} that the schedule fires, if any, in the schedule's zone. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        // Whole seconds, as Fission's scheduler: a fraction of a second in "after" must not leak into the result.
        ZonedDateTime local = after.withZoneSameInstant(zone).truncatedTo(ChronoUnit.SECONDS);
        if (every != null) return Optional.of(local.plus(every));
        Optional<ZonedDateTime> earliest = Optional.empty();
        for (ExecutionTime schedule : schedules) {
            Optional<ZonedDateTime> candidate = schedule.nextExecution(local);
            if (candidate.isPresent() && (earliest.isEmpty() || candidate.get().isBefore(earliest.get()))) {
                earliest = candidate;
            }
        }
        return earliest;
    }

    /** For {@code @every <duration>}: the fixed interval between firings (counted from when the schedule starts). */
    public Optional<Duration> interval() {
        return Optional.ofNullable(every);
    }

    @Override
    public String toString() {
        return text;
    }

    private static Duration every(String durationText) {
        if (durationText.isEmpty()) throw new IllegalArgumentException("@every needs a duration, e.g. @every 5m or @every 1h30m");
        Duration every;
        try {
            every = GoDuration.parse(durationText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@every: " + e.getMessage());
        }
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("@every needs a positive duration");
        // As Fission's scheduler: at least one second, and a fraction of a second is dropped.
        return Duration.ofSeconds(Math.max(1, every.getSeconds()));
    }

    private static List<ExecutionTime> schedules(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            // "?" is "*" in every field, as in Fission; the parser accepts it only for the two day fields.
            if (fields[i].equals("?") && i != DAY_OF_MONTH && i != DAY_OF_WEEK) fields[i] = "*";
        }
        List<ExecutionTime> schedules = new ArrayList<>();
        if (restricted(fields[DAY_OF_MONTH]) && restricted(fields[DAY_OF_WEEK])) {
            // Either day matches: one schedule per day field, the other field left open.
            String[] byMonthDay = fields.clone();
            byMonthDay[DAY_OF_WEEK] = "*";
            String[] byWeekDay = fields.clone();
            byWeekDay[DAY_OF_MONTH] = "*";
            schedules.add(ExecutionTime.forCron(SIX_FIELDS.parse(String.join(" ", byMonthDay))));
            schedules.add(ExecutionTime.forCron(SIX_FIELDS.parse(String.join(" ", byWeekDay))));
        } else {
            schedules.add(ExecutionTime.forCron(SIX_FIELDS.parse(String.join(" ", fields))));
        }
        return schedules;
    }

    /** "hour: " when the hour field alone fails to parse, so that the message names the field to fix. */
    private static String faultyField(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            String[] alone = {"*", "*", "*", "*", "*", "*"};
            alone[i] = fields[i];
            try {
                SIX_FIELDS.parse(String.join(" ", alone));
            } catch (IllegalArgumentException e) {
                return FIELD_NAMES[i] + ": ";
            }
        }
        return "";
    }

    private static boolean restricted(String dayField) {
        return !dayField.startsWith("*") && !dayField.startsWith("?");
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static CronDefinition definition() {
        return CronDefinitionBuilder.defineCron()
                .withSeconds().and()
                .withMinutes().and()
                .withHours().and()
                .withDayOfMonth().supportsQuestionMark().and()
                .withMonth().and()
                .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).supportsQuestionMark().and()
                .instance();
    }
}
