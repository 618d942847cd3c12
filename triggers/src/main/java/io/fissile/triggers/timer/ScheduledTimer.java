package io.fissile.triggers.timer;

import io.fissile.api.Cron;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One trigger as the engine schedules it: its schedule, its target and the next time it fires. */
final class ScheduledTimer {
    final String namespace;
    final String name;
    final String uid;
    final String schedule;
    final Cron cron;
    TimerTarget target;
    /** The next scheduled time, or null when the schedule never fires again. */
    Instant next;
    /** The latest firing's write to the ledger: writes of one trigger are made in order. */
    CompletableFuture<Boolean> lastRecord = CompletableFuture.completedFuture(true);

    ScheduledTimer(String namespace, String name, String uid, String schedule, Cron cron, TimerTarget target) {
        this.namespace = namespace;
        this.name = name;
        this.uid = uid;
        this.schedule = schedule;
        this.cron = cron;
        this.target = target;
    }

    String describe() {
        return "timer " + namespace + "/" + name;
    }
}
