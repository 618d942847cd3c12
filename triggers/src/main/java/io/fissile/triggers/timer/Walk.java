package io.fissile.triggers.timer;

import io.fissile.api.Cron;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The scheduled times of a schedule from a first one up to now: how many have passed, the latest
 * of them, and the first still to come. Schedules are walked, not searched, so counting a long
 * downtime of a per-second cron is bounded by {@link #LIMIT}.
 *
 * @param passed    scheduled times at or before now, counted from the first (at most {@link #LIMIT})
 * @param capped    whether more than {@link #LIMIT} had passed and the walk stopped counting
 * @param latest    the latest passed time (null if none passed, or when capped)
 * @param following the first time after now, or null when the schedule never fires again
 */
record Walk(long passed, boolean capped, Instant latest, Instant following) {
    static final int LIMIT = 10_000;

    /** Walks {@code cron} from {@code first} (one of its times) to {@code now}. */
    static Walk from(Cron cron, Instant first, Instant now) {
        if (first == null) return new Walk(0, false, null, null);
        if (first.isAfter(now)) return new Walk(0, false, null, first);
        if (cron.interval().isPresent()) {
            // A fixed interval: arithmetic, however long the gap.
            Duration every = cron.interval().get();
            long steps = Duration.between(first, now).dividedBy(every);
            Instant latest = first.plus(every.multipliedBy(steps));
            return new Walk(steps + 1, false, latest, latest.plus(every));
        }
        Instant latest = first;
        long passed = 1;
        Instant next = next(cron, latest);
        while (next != null && !next.isAfter(now)) {
            if (passed == LIMIT) return new Walk(passed, true, null, next(cron, now));
            latest = next;
            passed++;
            next = next(cron, latest);
        }
        return new Walk(passed, false, latest, next);
    }

    /** The schedule's first time strictly after {@code after}, or null if it never fires again. */
    static Instant next(Cron cron, Instant after) {
        return cron.next(after.atZone(ZoneOffset.UTC)).map(t -> t.toInstant()).orElse(null);
    }

    /** "3" or "more than 100000", for log lines. */
    String passedText() {
        return capped ? "more than " + LIMIT : Long.toString(passed);
    }
}
