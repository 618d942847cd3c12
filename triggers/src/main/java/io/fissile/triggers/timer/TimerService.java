package io.fissile.triggers.timer;

import io.fissile.api.v1.TimeTrigger;
import io.fissile.store.Informer;
import io.fissile.store.InformerListener;
import io.fissile.store.ResourceStore;
import io.fissile.triggers.FunctionInvoker;
import io.fissile.triggers.TimerStats;

import java.time.Clock;
import java.util.concurrent.Executor;

/** The running timers: an engine fed by the TimeTrigger informer and ticked by one scheduler thread. */
public final class TimerService implements AutoCloseable {
    private final Informer<TimeTrigger> triggers;
    private final TimerCounters counters = new TimerCounters();
    private final TimerEngine engine;
    private final SchedulerLoop loop;
    private final InformerListener<TimeTrigger> listener;

    private TimerService(ResourceStore store, Informer<TimeTrigger> triggers, FunctionInvoker invoker, Clock clock) {
        this.triggers = triggers;
        Executor calls = task -> Thread.ofVirtual().name("fissile-timer-call").start(task);
        this.engine = new TimerEngine(clock, new FiringLedger(store), new FiringCaller(invoker, counters), counters, calls);
        this.loop = new SchedulerLoop(engine, clock);
        this.listener = new InformerListener<>() {
            @Override
            public void onAdd(TimeTrigger trigger) {
                engine.add(trigger);
                loop.wake();
            }

            @Override
            public void onUpdate(TimeTrigger before, TimeTrigger now) {
                engine.update(before, now);
                loop.wake();
            }

            @Override
            public void onDelete(TimeTrigger last) {
                engine.remove(last);
                loop.wake();
            }
        };
    }

    /** Schedules every trigger the informer knows, and each one added, changed or deleted later. */
    public static TimerService start(ResourceStore store, Informer<TimeTrigger> triggers, FunctionInvoker invoker, Clock clock) {
        TimerService service = new TimerService(store, triggers, invoker, clock);
        triggers.addListener(service.listener);
        service.loop.start();
        return service;
    }

    public TimerStats stats() {
        return counters;
    }

    @Override
    public void close() {
        triggers.removeListener(listener);
        loop.close();
        engine.close();
    }
}
