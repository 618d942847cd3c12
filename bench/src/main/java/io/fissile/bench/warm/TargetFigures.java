package io.fissile.bench.warm;

import io.fissile.bench.wrk.WrkResult;

import java.util.Comparator;
import java.util.List;

/**
 * One target's figures over the rounds: those of its median round by throughput (robust to one
 * round disturbed by another process on the machine, and its figures come from one and the same
 * run), and the errors of all rounds together.
 *
 * @param medianRound the index, from 0, of the round reported (the lower middle one when even)
 */
public record TargetFigures(double requestsPerSecond, double p50Millis, double p99Millis, long errors, int medianRound,
                            List<WrkResult> rounds) {

    public static TargetFigures of(List<WrkResult> rounds) {
        if (rounds.isEmpty()) throw new IllegalArgumentException("no rounds");
        List<WrkResult> byThroughput = rounds.stream().sorted(Comparator.comparingDouble(WrkResult::requestsPerSecond)).toList();
        WrkResult median = byThroughput.get((byThroughput.size() - 1) / 2);
        return new TargetFigures(median.requestsPerSecond(), median.p50(), median.p99(),
                rounds.stream().mapToLong(WrkResult::errors).sum(), rounds.indexOf(median), List.copyOf(rounds));
    }
}
