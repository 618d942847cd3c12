package io.fissile.triggers;

import io.fissile.api.v1.TimeTrigger;
import io.fissile.store.Informer;
import io.fissile.store.ResourceStore;
import io.fissile.triggers.timer.TimerService;

import java.time.Clock;

/**
 * Calls functions on the schedules of TimeTriggers, as Fission's timer does: each scheduled time
 * calls the trigger's function through the router's internal route with the trigger's method
 * (POST by default) and subpath, and the header {@code X-Fission-Timer-Name}. Creating, changing and
 * deleting triggers takes effect at once.
 * <p>
 * Each trigger's last fired time is kept in its status ({@code status.lastScheduleTime}), written
 * before the call: a scheduled time fires at most once, even across restarts and hand-overs to
 * another replica, and times missed while no timers ran are skipped (and logged), not replayed.
 * <p>
 * Closing stops the scheduling; timers may be started again later (e.g. on regaining leadership).
 */
public final class TimerTriggers implements AutoCloseable {
    private final TimerService service;

    private TimerTriggers(TimerService service) {
        this.service = service;
    }

    /**
     * Starts scheduling every trigger the informer knows and each later change.
     *
     * @param store    where each firing is recorded (the triggers' status)
     * @param triggers the TimeTriggers; the caller keeps it open while the timers run
     * @param invoker  how functions are called
     * @param clock    the time schedules are read in
     */
    public static TimerTriggers start(ResourceStore store, Informer<TimeTrigger> triggers, FunctionInvoker invoker, Clock clock) {
        return new TimerTriggers(TimerService.start(store, triggers, invoker, clock));
    }

    /** Firings, failures and skipped times since these timers started. */
    public TimerStats stats() {
        return service.stats();
    }

    /** Stops scheduling; calls under way finish on their own. */
    @Override
    public void close() {
        service.close();
    }
}
