package io.fissile.bench.wrk;

/**
 * One wrk run, as {@code wrk --latency} prints it. Latencies in milliseconds.
 *
 * @param errors socket errors (connect, read, write, timeout) plus answers that were neither 2xx nor 3xx
 */
public record WrkResult(double requestsPerSecond, long requests, double seconds,
                        double latencyAvg, double latencyMax, double p50, double p75, double p90, double p99,
                        long errors) {
}
