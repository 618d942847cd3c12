package io.fissile.metrics.meters;

import io.fissile.executor.ExecutorStats;
import io.fissile.executor.ExecutorStats.FunctionCounts;
import io.fissile.executor.ExecutorStats.PoolCounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Gauges of what an executor runs: instances, requests in flight and waiting per function;
 * instances and warm pools per environment. Functions and environments come and go, so each
 * {@link #refresh} reads the executor once and replaces every row: a function without instances
 * or requests leaves the exposition rather than staying at its last value.
 */
public final class ExecutorGauges {
    private final ExecutorStats stats;
    private final MultiGauge functionInstances;
    private final MultiGauge requestsInFlight;
    private final MultiGauge requestsWaiting;
    private final MultiGauge environmentInstances;
    private final MultiGauge poolSize;
    private final MultiGauge poolWarm;

    public ExecutorGauges(MeterRegistry registry, ExecutorStats stats) {
        this.stats = stats;
        functionInstances = gauge(registry, "fission.function.instances",
                "Running instances specialized for the function");
        requestsInFlight = gauge(registry, "fission.function.requests.in.flight",
                "Requests an instance of the function is serving");
        requestsWaiting = gauge(registry, "fission.function.requests.waiting",
                "Requests waiting for room on an instance of the function or for a specialization");
        environmentInstances = gauge(registry, "fission.environment.instances",
                "Instances of the environment, warm ones and those specialized for its functions");
        poolSize = gauge(registry, "fission.environment.pool.size",
                "Warm instances the environment asks for (its poolsize)");
        poolWarm = gauge(registry, "fission.environment.pool.warm",
                "Warm instances of the environment ready to be specialized");
    }

    /** Reads the executor now; called before each scrape, one at a time. */
    public void refresh() {
        List<FunctionCounts> functions = stats.functions();
        List<PoolCounts> pools = stats.pools();
        functionInstances.register(functionRows(functions, FunctionCounts::instances), true);
        requestsInFlight.register(functionRows(functions, FunctionCounts::requestsInFlight), true);
        requestsWaiting.register(functionRows(functions, FunctionCounts::requestsWaiting), true);
        environmentInstances.register(pools.stream()
                .map(pool -> row(environmentTags(pool), stats.instancesOfEnvironment(pool.namespace(), pool.name())))
                .toList(), true);
        poolSize.register(pools.stream().map(pool -> row(environmentTags(pool), pool.size())).toList(), true);
        poolWarm.register(pools.stream().map(pool -> row(environmentTags(pool), pool.warm())).toList(), true);
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    private static List<MultiGauge.Row<Number>> functionRows(List<FunctionCounts> functions, ToIntFunction<FunctionCounts> value) {
        return functions.stream()
                .map(counts -> row(new FunctionLabels(counts.namespace(), counts.name()).tags(), value.applyAsInt(counts)))
                .toList();
    }

    private static Tags environmentTags(PoolCounts pool) {
        return Tags.of(Labels.ENVIRONMENT_NAMESPACE, pool.namespace(), Labels.ENVIRONMENT_NAME, pool.name());
    }

    private static MultiGauge.Row<Number> row(Tags tags, int value) {
        return MultiGauge.Row.of(tags, value);
    }
}
