package io.fissile.metrics.meters;

import io.fissile.router.RequestRecord;
import io.fissile.router.RouterObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Fission's router and cold start metrics from what the router reports of each call. It runs on
 * the router's event loop: past a label set's first call, recording is a map lookup and a few
 * increments, with no meter lookup in the registry.
 */
public final class RouterMeters implements RouterObserver {
    private final MeterRegistry registry;
    private final ConcurrentMap<CallLabels, CallMeters> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<FunctionLabels, Counter> coldStarts = new ConcurrentHashMap<>();
    private final ConcurrentMap<FunctionLabels, Counter> coldStartErrors = new ConcurrentHashMap<>();

    public RouterMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestCompleted(RequestRecord record) {
        CallLabels labels = CallLabels.of(record);
        CallMeters meters = calls.get(labels);
        if (meters == null) meters = calls.computeIfAbsent(labels, key -> new CallMeters(registry, key));
        meters.record(record);
        // As in Fission, a specialization that failed is a cold start error and not a cold start.
        if (record.coldStartFailed()) {
            counter(coldStartErrors, record, "fission.function.cold.start.errors",
                    "Calls whose function could not be made ready").increment();
        } else if (record.coldStart()) {
            counter(coldStarts, record, "fission.function.cold.starts",
                    "Calls that waited for an instance to be specialized for their function").increment();
        }
    }

    private Counter counter(ConcurrentMap<FunctionLabels, Counter> counters, RequestRecord record, String name,
                            String description) {
        FunctionLabels labels = new FunctionLabels(record.namespace(), record.function());
        Counter counter = counters.get(labels);
        if (counter != null) return counter;
        return counters.computeIfAbsent(labels, key ->
                Counter.builder(name).description(description).tags(key.tags()).register(registry));
    }
}
