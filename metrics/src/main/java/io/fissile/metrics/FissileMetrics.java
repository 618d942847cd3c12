package io.fissile.metrics;

import io.fissile.executor.ExecutorStats;
import io.fissile.metrics.meters.ExecutorGauges;
import io.fissile.metrics.meters.MessageQueueTriggerMeters;
import io.fissile.metrics.meters.RouterMeters;
import io.fissile.router.RouterObserver;
import io.fissile.triggers.MessageQueueTriggerStats;
import io.fissile.triggers.TimerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Fissile's Prometheus metrics, under Fission's names so that dashboards and alerts written for
 * Fission work unchanged.
 * <ul>
 *   <li>From the router, per call ({@link #routerObserver()}): {@code fission_function_calls_total},
 *       {@code fission_function_errors_total} (status 400 or more; 499 when the client left),
 *       {@code fission_function_duration_seconds}, {@code fission_function_overhead_seconds},
 *       {@code fission_function_response_size_bytes}, labelled {@code function_namespace},
 *       {@code function_name}, {@code path} (the route's template), {@code method}, {@code code};
 *       {@code fission_function_cold_starts_total} and {@code fission_function_cold_start_errors_total},
 *       labelled {@code function_namespace}, {@code function_name}.</li>
 *   <li>From the executor, read at each scrape ({@link #bindExecutor}): {@code fission_function_instances},
 *       {@code fission_function_requests_in_flight}, {@code fission_function_requests_waiting}
 *       (per function); {@code fission_environment_instances}, {@code fission_environment_pool_size},
 *       {@code fission_environment_pool_warm}, labelled {@code environment_namespace},
 *       {@code environment_name}.</li>
 *   <li>From the message queue triggers, read at each scrape ({@link #bindMessageQueueTriggers}):
 *       {@code fissile_mqtrigger_messages_processed_total}, {@code fissile_mqtrigger_messages_failed_total},
 *       {@code fissile_mqtrigger_messages_retried_total} and {@code fissile_mqtrigger_consumer_lag},
 *       labelled {@code trigger_namespace}, {@code trigger_name}.</li>
 *   <li>From the timers ({@link #bindTimerTriggers}): {@code fissile_timetrigger_firings_total},
 *       {@code fissile_timetrigger_failures_total}, {@code fissile_timetrigger_skipped_total}.</li>
 * </ul>
 *
 * <pre>{@code
 * FissileMetrics metrics = new FissileMetrics();
 * Router.start(new RouterOptions().observer(metrics.routerObserver()), ...);
 * metrics.bindExecutor(executor.stats());
 * String text = metrics.scrape();   // serve as text/plain; version=0.0.4
 * }</pre>
 */
public final class FissileMetrics {
    /** The content type of {@link #scrape()}'s text: Prometheus's text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final RouterMeters routerMeters = new RouterMeters(registry);
    private ExecutorGauges executorGauges;
    private MessageQueueTriggerMeters triggerMeters;
    private boolean timersBound;

    /** Records each call the router reports; quick enough for the router's event loop. */
    public RouterObserver routerObserver() {
        return routerMeters;
    }

    /** Exposes the executor's instances and pools, read from {@code stats} at each scrape. */
    public synchronized void bindExecutor(ExecutorStats stats) {
        Objects.requireNonNull(stats, "stats");
        if (executorGauges != null) throw new IllegalStateException("an executor is bound already");
        executorGauges = new ExecutorGauges(registry, stats);
    }

    /** Exposes each message queue trigger's counts and lag, read from {@code stats} at each scrape. */
    public synchronized void bindMessageQueueTriggers(MessageQueueTriggerStats stats) {
        Objects.requireNonNull(stats, "stats");
        if (triggerMeters != null) throw new IllegalStateException("message queue triggers are bound already");
        triggerMeters = new MessageQueueTriggerMeters(registry, stats);
    }

    /** Exposes how many scheduled times the timers fired, how many calls failed, and how many times were skipped. */
    public synchronized void bindTimerTriggers(TimerStats stats) {
        Objects.requireNonNull(stats, "stats");
        if (timersBound) throw new IllegalStateException("timers are bound already");
        timersBound = true;
        timerCounter("fissile.timetrigger.firings", "Scheduled times fired, one function call each", stats, TimerStats::firings);
        timerCounter("fissile.timetrigger.failures", "Timer calls the router could not deliver or the function answered outside 2xx",
                stats, TimerStats::failures);
        timerCounter("fissile.timetrigger.skipped", "Scheduled times not fired: missed while timers were not running, or overtaken",
                stats, TimerStats::skipped);
    }

    private void timerCounter(String name, String description, TimerStats stats, ToDoubleFunction<TimerStats> count) {
        FunctionCounter.builder(name, stats, count).description(description).register(registry);
    }

    /**
     * Every metric now, in Prometheus's text format ({@link #CONTENT_TYPE}). One scrape at a time:
     * each replaces the executor's gauges, which another must not see half done.
     */
    public synchronized String scrape() {
        if (executorGauges != null) executorGauges.refresh();
        if (triggerMeters != null) triggerMeters.refresh();
        return registry.scrape();
    }
}
