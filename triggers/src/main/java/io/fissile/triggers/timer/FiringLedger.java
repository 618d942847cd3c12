package io.fissile.triggers.timer;

import io.fissile.api.ResourceStatus;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.store.ConflictException;
import io.fissile.store.ResourceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Where each trigger's last fired scheduled time is kept: {@code status.lastScheduleTime} of the
 * TimeTrigger (as a Kubernetes CronJob keeps it), written before the call is made, so that neither a
 * crash nor a second scheduler (another replica taking over) fires one scheduled time twice.
 */
final class FiringLedger {
    static final String LAST_SCHEDULE_TIME = "lastScheduleTime";
    private static final Logger log = LoggerFactory.getLogger(FiringLedger.class);
    private static final int ATTEMPTS = 5;

    private final ResourceStore store;

    FiringLedger(ResourceStore store) {
        this.store = store;
    }

    /** The last scheduled time fired for a trigger, as its status records it. */
    static Optional<Instant> lastFired(TimeTrigger trigger) {
        if (trigger.status() == null) return Optional.empty();
        Object value = trigger.status().unknownField(LAST_SCHEDULE_TIME);
        if (!(value instanceof String text) || text.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            log.warn("timer {}/{}: ignoring status.{} \"{}\": not a time", trigger.namespace(), trigger.name(),
                    LAST_SCHEDULE_TIME, text);
            return Optional.empty();
        }
    }

    /**
     * Records that a scheduled time is being fired. Returns false, recording nothing, if the trigger
     * is gone (or is another one by now) or that time, or a later one, was recorded already.
     */
    boolean record(Firing firing) {
        for (int attempt = 1; ; attempt++) {
            Optional<TimeTrigger> stored = store.get(Kinds.TIME_TRIGGER, firing.namespace(), firing.trigger());
            if (stored.isEmpty() || !stored.get().metadata().uid().equals(firing.uid())) return false;
            TimeTrigger trigger = stored.get();
            Optional<Instant> last = lastFired(trigger);
            if (last.isPresent() && !last.get().isBefore(firing.scheduled())) return false;
            ResourceStatus status = trigger.status() == null ? new ResourceStatus() : trigger.status();
            status.unknownField(LAST_SCHEDULE_TIME, firing.scheduled().toString());
            trigger.status(status);
            try {
                store.updateStatus(trigger);
                return true;
            } catch (ConflictException e) {
                // Changed since it was read (a spec update, or another writer): read again.
                if (attempt == ATTEMPTS) throw e;
            }
        }
    }
}
