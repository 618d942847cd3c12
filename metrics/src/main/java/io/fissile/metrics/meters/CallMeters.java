package io.fissile.metrics.meters;

import io.fissile.router.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The meters of one label set of routed calls, registered once and then only incremented. The
 * error counter exists only for statuses that are errors, as in Fission.
 */
final class CallMeters {
    /** Fission counts a call as an error from this status on, whoever answered it. */
    private static final int FIRST_ERROR_STATUS = 400;

    private final Counter calls;
    private final Counter errors;
    private final Timer duration;
    private final Timer overhead;
    private final DistributionSummary responseSize;

    CallMeters(MeterRegistry registry, CallLabels labels) {
        Tags tags = labels.tags();
        calls = Counter.builder("fission.function.calls")
                .description("Calls the router sent to functions, by route, method and status")
                .tags(tags).register(registry);
        errors = labels.status() >= FIRST_ERROR_STATUS
                ? Counter.builder("fission.function.errors")
                .description("Calls that ended with a status of 400 or more, from the function or the router (499: the client left)")
                .tags(tags).register(registry)
                : null;
        duration = Timer.builder("fission.function.duration")
                .description("From a call's arrival at the router to the end of its answer")
                .tags(tags).serviceLevelObjectives(Buckets.LATENCY).register(registry);
        overhead = Timer.builder("fission.function.overhead")
                .description("The router's share of a call's duration: waiting for an instance, cold starts and proxying")
                .tags(tags).serviceLevelObjectives(Buckets.LATENCY).register(registry);
        responseSize = DistributionSummary.builder("fission.function.response.size")
                .description("Body bytes sent back to the client")
                .baseUnit("bytes")
                .tags(tags).serviceLevelObjectives(Buckets.RESPONSE_BYTES).register(registry);
    }

    void record(RequestRecord record) {
        calls.increment();
        if (errors != null) errors.increment();
        duration.record(record.durationNanos(), TimeUnit.NANOSECONDS);
        overhead.record(record.overheadNanos(), TimeUnit.NANOSECONDS);
        responseSize.record(record.responseBytes());
    }
}
