package io.fissile.triggers;

/** What the timers have done since they started: counts only ever grow. */
public interface TimerStats {
    /** Calls made to functions, one per scheduled time fired. */
    long firings();

    /** Calls that failed: the router could not be reached or the function answered outside 2xx. */
    long failures();

    /** Scheduled times not fired: missed while timers were not running, or passed while the scheduler was late. */
    long skipped();
}
