package io.fissile.bench.routes;

import io.fissile.bench.BenchFailure;
import io.fissile.bench.platform.Java;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Runs {@link RouteLookupBenchmark} with JMH (one fork on this JDK, its output kept in a file) and
 * returns its scores, lookup by lookup.
 */
public final class RouteLookupRunner {
    /** @param warmups and {@code measurements}: JMH iterations of one second each */
    public record Settings(int warmups, int measurements) {
    }

    private RouteLookupRunner() {
    }

    public static List<RouteLookup> run(Settings settings, Path jmhLog) {
        Options options = new OptionsBuilder()
                .include(RouteLookupBenchmark.class.getName() + "\\.")
                .forks(1)
                .jvm(Java.current())
                .warmupIterations(settings.warmups()).warmupTime(TimeValue.seconds(1))
                .measurementIterations(settings.measurements()).measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(jmhLog.toString())
                .build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } catch (RunnerException e) {
            throw new BenchFailure("the route lookup benchmark failed; see " + jmhLog, e);
        }
        List<RouteLookup> lookups = new ArrayList<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            lookups.add(new RouteLookup(Integer.parseInt(result.getParams().getParam("routes")),
                    benchmark.substring(benchmark.lastIndexOf('.') + 1),
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()));
        }
        lookups.sort(Comparator.comparing(RouteLookup::lookup).thenComparingInt(RouteLookup::routes));
        return List.copyOf(lookups);
    }
}
