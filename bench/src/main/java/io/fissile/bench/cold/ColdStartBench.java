package io.fissile.bench.cold;

import io.fissile.bench.BenchFailure;
import io.fissile.bench.platform.BenchFunctions;
import io.fissile.bench.platform.Platform;
import io.fissile.bench.platform.TimedGet.Answer;
import io.fissile.bench.stats.LatencySummary;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Cold starts: the first request to each of many new functions, one at a time, timed from send to
 * full answer through the router, after one unmeasured cold start that warms the server's code up. With a warm pool, the next request waits until the pool has
 * refilled (counted on disk and in /proc, see {@link PoolRefill}), so that every request finds a
 * warm instance as a user's would on a quiet system. Then a few with an empty pool (poolsize 0),
 * where the instance itself must start.
 */
public final class ColdStartBench {
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** Between empty-pool requests: the previous instance's start-up work is over before the next begins. */
    private static final Duration EMPTY_POOL_PAUSE = Duration.ofMillis(300);

    /**
     * @param functions          functions per runtime measured with a warm pool
     * @param poolSize           the warm pool of those environments
     * @param emptyPoolFunctions functions per runtime measured with an empty pool
     */
    public record Settings(List<String> runtimes, int functions, int poolSize, int emptyPoolFunctions) {
    }

    private final Platform platform;
    private final PrintStream progress;
    private final PoolRefill refill;

    public ColdStartBench(Platform platform, PrintStream progress) {
        this.platform = platform;
        this.progress = progress;
        this.refill = new PoolRefill(platform.instances(), PATIENCE);
    }

    public List<ColdStartResult> run(Settings settings) throws IOException, InterruptedException {
        List<ColdStartResult> results = new ArrayList<>();
        for (String runtime : settings.runtimes()) results.add(run(runtime, settings));
        return results;
    }

    private ColdStartResult run(String runtime, Settings settings) throws IOException, InterruptedException {
        BenchFunctions.Code code = platform.functions().code(runtime);
        // The count of ready instances is per runtime: those of earlier runs (the warm path's jvm) must be gone.
        if (!refill.awaitNone(runtime)) {
            throw new BenchFailure("instances of " + runtime + " from an earlier step are still running after "
                    + PATIENCE.toSeconds() + " s: " + platform.instances().ids(runtime));
        }
        Series warm = new Series();
        int refillTimeouts = 0;
        // One more function than measured: the first cold start of a fresh server also pays for loading and
        // compiling the code paths of a specialization (router, executor, client), which no later one does.
        List<String> functions = deploy(code, "cold-" + runtime, settings.poolSize(), settings.functions() + 1);
        try {
            if (!refill.await(runtime, settings.poolSize())) {
                throw new BenchFailure("the " + runtime + " pool of " + settings.poolSize() + " did not fill within "
                        + PATIENCE.toSeconds() + " s (" + platform.instances().listening(runtime) + " ready)");
            }
            for (int i = 0; i < functions.size(); i++) {
                Answer answer = firstRequest(functions.get(i));
                if (i > 0) warm.add(answer);
                if (!refill.await(runtime, settings.poolSize() + i + 1)) refillTimeouts++;
            }
        } finally {
            undeploy("cold-" + runtime, functions);
        }
        progress.printf("cold starts: %-6s warm pool  %s%n", runtime, warm.describe());

        Series empty = new Series();
        if (settings.emptyPoolFunctions() > 0) {
            List<String> emptyFunctions = deploy(code, "empty-" + runtime, 0, settings.emptyPoolFunctions());
            try {
                for (String function : emptyFunctions) {
                    empty.add(firstRequest(function));
                    Thread.sleep(EMPTY_POOL_PAUSE.toMillis());
                }
            } finally {
                undeploy("empty-" + runtime, emptyFunctions);
            }
            progress.printf("cold starts: %-6s empty pool %s%n", runtime, empty.describe());
        }
        return new ColdStartResult(runtime, settings.poolSize(), warm.summary(), warm.errors, refillTimeouts,
                empty.summary(), empty.errors, warm.firstError != null ? warm.firstError : empty.firstError,
                ColdStartResult.TARGET_P50_MILLIS.get(runtime), warm.millis, empty.millis);
    }

    private Answer firstRequest(String function) throws IOException, InterruptedException {
        Answer answer = platform.http().get(platform.router("/fission-function/" + function));
        if (answer.ok() && answer.body().equals(BenchFunctions.BODY)) return answer;
        // Kept as a failure, with what came instead of the function's answer.
        return new Answer(answer.ok() ? -1 : answer.status(),
                "function " + function + ": " + answer.status() + " " + answer.body().strip(), answer.millis());
    }

    /** The environment and its functions; idle instances are kept for the whole run, so that the count of ready ones only grows. */
    private List<String> deploy(BenchFunctions.Code code, String environment, int poolSize, int count) {
        platform.cli().run(code.environmentArgs(environment, poolSize));
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = environment + "-" + i;
            List<String> args = new ArrayList<>(List.of("fn", "create", "--name", name, "--env", environment,
                    "--code", code.file().toString(), "--idletimeout", "3600"));
            if (code.entrypoint() != null) args.addAll(List.of("--entrypoint", code.entrypoint()));
            platform.cli().run(args.toArray(String[]::new));
            names.add(name);
        }
        return names;
    }

    private void undeploy(String environment, List<String> functions) {
        try {
            for (String function : functions) platform.cli().run("fn", "delete", "--name", function);
            platform.cli().run("env", "delete", "--name", environment);
        } catch (BenchFailure e) {
            progress.println("cold starts: cleaning up " + environment + " failed: " + e.getMessage());
        }
    }

    /** The timings of successful first requests, and the failures. */
    private static final class Series {
        final List<Double> millis = new ArrayList<>();
        int errors;
        String firstError;

        void add(Answer answer) {
            if (answer.ok()) {
                millis.add(answer.millis());
            } else {
                errors++;
                if (firstError == null) firstError = answer.body();
            }
        }

        LatencySummary summary() {
            return millis.isEmpty() ? null : LatencySummary.of(millis);
        }

        String describe() {
            LatencySummary summary = summary();
            String figures = summary == null ? "no successful request"
                    : "n=%d p50 %.1f ms p99 %.1f ms max %.1f ms".formatted(summary.count(), summary.p50(), summary.p99(), summary.max());
            return errors == 0 ? figures : figures + ", " + errors + " failed (first: " + firstError + ")";
        }
    }
}
