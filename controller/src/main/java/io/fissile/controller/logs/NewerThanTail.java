package io.fissile.controller.logs;

import java.time.Instant;

/**
 * Which followed lines are new. Following starts just before the latest lines are read, so that no
 * line falls between the two; a line written in between arrives both ways. Such lines are the first
 * to be followed and no newer than the last line read, so lines are dropped until the first newer one.
 * Not thread-safe: lines are judged one at a time, in the order they were written.
 */
final class NewerThanTail {
    private Instant newestSent;

    /** @param newestSent the time of the last line already sent (or the {@code since} asked for), or null for none */
    NewerThanTail(Instant newestSent) {
        this.newestSent = newestSent;
    }

    boolean isNew(Instant time) {
        if (newestSent == null) return true;
        if (!time.isAfter(newestSent)) return false;
        newestSent = null;
        return true;
    }
}
