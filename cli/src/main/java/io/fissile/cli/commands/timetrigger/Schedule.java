package io.fissile.cli.commands.timetrigger;

import io.fissile.api.Cron;
import io.fissile.cli.commands.CliException;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The next times a schedule fires, as Fission prints them after creating a time trigger. */
final class Schedule {
    private Schedule() {
    }

    static void print(PrintWriter out, String schedule, int rounds) {
        Cron cron;
        try {
            cron = Cron.parse(schedule);
        } catch (IllegalArgumentException e) {
            throw new CliException("--cron: " + e.getMessage());
        }
        ZonedDateTime time = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        out.println("Current Time: \t" + format(time));
        for (int round = 1; round <= rounds; round++) {
            Optional<ZonedDateTime> next = cron.next(time);
            if (next.isEmpty()) {
                out.println("No further invocations");
                return;
            }
            time = next.get();
            out.println("Next " + round + " invocation: \t" + format(time));
        }
    }

    private static String format(ZonedDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
}
