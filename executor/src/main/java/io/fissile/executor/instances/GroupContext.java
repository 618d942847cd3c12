package io.fissile.executor.instances;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.LongAdder;

/** What every group of one executor shares: its timer, its counters, and the table that owns the groups. */
final class GroupContext {

    final ScheduledExecutorService timer;
    final SpecializationRunner specializations;
    final FunctionTable owner;
    final LongAdder coldStarts = new LongAdder();
    final LongAdder coldStartErrors = new LongAdder();

    GroupContext(ScheduledExecutorService timer, FunctionTable owner) {
        this.timer = timer;
        this.specializations = new SpecializationRunner(timer);
        this.owner = owner;
    }
}
