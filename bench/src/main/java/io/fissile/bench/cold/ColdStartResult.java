package io.fissile.bench.cold;

import io.fissile.bench.stats.LatencySummary;

import java.util.List;
import java.util.Map;

/**
 * First requests to new functions of one runtime, in milliseconds from send to full answer.
 *
 * @param warmPool       with the environment's pool full before each request; null if every request failed
 * @param refillTimeouts requests sent although the pool had not refilled in time (each is in the figures)
 * @param emptyPool      with an environment of poolsize 0: the instance is started for the request; null if none measured
 * @param firstError     what the first failed request answered, or null
 */
public record ColdStartResult(String runtime, int poolSize, LatencySummary warmPool, int warmPoolErrors, int refillTimeouts,
                              LatencySummary emptyPool, int emptyPoolErrors, String firstError, double targetP50Millis,
                              List<Double> warmPoolSamples, List<Double> emptyPoolSamples) {

    /** The targets for the median cold start with a warm pool; Fission reports about 100 ms. */
    public static final Map<String, Double> TARGET_P50_MILLIS = Map.of("nodejs", 10.0, "python", 10.0, "jvm", 30.0);

    public boolean targetMet() {
        return warmPool != null && warmPool.p50() <= targetP50Millis;
    }
}
