package io.fissile.bench;

import io.fissile.bench.cold.ColdStartBench;
import io.fissile.bench.cold.ColdStartResult;
import io.fissile.bench.platform.ChildProcesses;
import io.fissile.bench.platform.FissileServerProcess;
import io.fissile.bench.platform.Nginx;
import io.fissile.bench.platform.Platform;
import io.fissile.bench.platform.Tools;
import io.fissile.bench.report.BenchReport;
import io.fissile.bench.report.Machine;
import io.fissile.bench.report.MarkdownReport;
import io.fissile.bench.report.ResultFiles;
import io.fissile.bench.routes.RouteHeap;
import io.fissile.bench.routes.RouteLookup;
import io.fissile.bench.routes.RouteLookupRunner;
import io.fissile.bench.routes.RouteScaleResult;
import io.fissile.bench.warm.WarmPathBench;
import io.fissile.bench.warm.WarmPathResult;
import io.fissile.bench.wrk.Wrk;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * bench/run's entry point: measures the parts asked for (all by default), prints the figures as a
 * markdown table on stdout (progress goes to stderr) and writes them to the results directory.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure Fissile: the warm path (router against nginx and a direct call), cold starts, the route table.")
public final class BenchMain implements Callable<Integer> {

    /** The parts of a run, in the order they run. */
    enum Part { routes, warm, cold }

    @Parameters(arity = "0..*", paramLabel = "PART", description = "What to measure: routes, warm, cold (default: all three).")
    List<Part> parts = List.of();

    @Option(names = "--quick", description = "Short runs everywhere (about 2 minutes): to try the harness, not for figures to quote.")
    boolean quick;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "${env:BENCH_DURATION:-10}",
            description = "Warm path: each measured wrk run (default ${DEFAULT-VALUE}; --quick: 3).")
    int durationSeconds;

    @Option(names = "--rounds", defaultValue = "${env:BENCH_ROUNDS:-3}",
            description = "Warm path: alternating rounds of the three paths (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "${env:BENCH_WARMUP:-10}",
            description = "Warm path: unmeasured wrk run per path first (default ${DEFAULT-VALUE}; --quick: 3).")
    int warmupSeconds;

    @Option(names = "--connections", defaultValue = "50", description = "Warm path: wrk connections (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--threads", defaultValue = "2", description = "Warm path: wrk threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--functions", defaultValue = "${env:BENCH_FUNCTIONS:-50}",
            description = "Cold starts: new functions per environment with a warm pool (default ${DEFAULT-VALUE}; --quick: 10).")
    int functions;

    @Option(names = "--pool-size", defaultValue = "3", description = "Cold starts: the warm pool (default ${DEFAULT-VALUE}, Fission's).")
    int poolSize;

    @Option(names = "--empty-pool-functions", defaultValue = "${env:BENCH_EMPTY_POOL_FUNCTIONS:-5}",
            description = "Cold starts: functions per environment measured with an empty pool (default ${DEFAULT-VALUE}).")
    int emptyPoolFunctions;

    @Option(names = "--runtimes", split = ",", defaultValue = "nodejs,python,jvm",
            description = "Cold starts: the environments (default ${DEFAULT-VALUE}).")
    List<String> runtimes;

    @Option(names = "--jmh-iterations", defaultValue = "5",
            description = "Route table: JMH measurement iterations of 1 s, after as many warm-up ones (default ${DEFAULT-VALUE}; --quick: 2).")
    int jmhIterations;

    @Option(names = "--heap-routes", defaultValue = "10000",
            description = "Route table: the routes whose heap is measured (default ${DEFAULT-VALUE}).")
    int heapRoutes;

    @Option(names = "--server-lib", required = true, paramLabel = "DIR",
            description = "The server's jars (server/target/fissile/lib).")
    Path serverLib;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench/results",
            description = "Where the figures are written (default ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--work-dir", paramLabel = "DIR",
            description = "Where this run keeps its server data, logs, wrk and JMH outputs and the pids of what it started "
                    + "(default: bench/target/work/<start time>).")
    Path work;

    private final PrintStream progress = System.err;

    public static void main(String[] args) {
        // bench/run passes --server-lib, --results and --work-dir first: a user's own come later and win.
        CommandLine commandLine = new CommandLine(new BenchMain()).setCaseInsensitiveEnumValuesAllowed(true)
                .setOverwrittenOptionsAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (!(e instanceof BenchFailure)) throw e;
            cl.getErr().println("bench: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Set<Part> selected = parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(parts);
        if (quick) shorten();
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String stamp = started.toString().replace(':', '-');
        work = Files.createDirectories(work != null ? work : Path.of("bench", "target", "work", stamp)).toAbsolutePath();
        progress.println("bench: " + selected + ", work directory " + work);

        Path wrk = selected.contains(Part.warm) ? tool("wrk", "wrk") : null;
        Path nginx = selected.contains(Part.warm) ? tool("nginx", "nginx") : null;
        Machine machine = Machine.describe(wrk == null ? "wrk not used" : Wrk.version(wrk),
                nginx == null ? "nginx not used" : Nginx.version(nginx));

        RouteScaleResult routes = null;
        WarmPathResult warm = null;
        List<ColdStartResult> cold = null;
        try (ChildProcesses children = new ChildProcesses(work.resolve("pids"))) {
            // Before the server starts, so that nothing else of ours runs beside JMH.
            if (selected.contains(Part.routes)) routes = routes(children);
            if (selected.contains(Part.warm) || selected.contains(Part.cold)) {
                FissileServerProcess server = FissileServerProcess.start(children, serverLib, work.resolve("data"),
                        work.resolve("server.log"));
                progress.println("bench: server at " + server.routerUrl() + " (API " + server.apiUrl() + "), log " + server.logFile());
                Platform platform = Platform.on(server, work, serverLib);
                if (selected.contains(Part.warm)) warm = warmPath(platform, children, wrk, nginx);
                if (selected.contains(Part.cold)) cold = coldStarts(platform);
            }
        }
        long elapsed = Duration.between(started, Instant.now()).toSeconds();
        BenchReport report = new BenchReport(started.toString(), elapsed, machine, warm, cold, routes);
        String markdown = MarkdownReport.render(report);
        Path json = ResultFiles.write(results, stamp, report, markdown);
        System.out.print(markdown);
        progress.println("bench: figures written to " + json + " and " + results.resolve(stamp + ".md"));
        return 0;
    }

    private RouteScaleResult routes(ChildProcesses children) throws Exception {
        progress.println("routes: JMH, lookups in tables of 10 and 10,000 routes (log " + work.resolve("jmh.log") + ")");
        List<RouteLookup> lookups = RouteLookupRunner.run(new RouteLookupRunner.Settings(jmhIterations, jmhIterations),
                work.resolve("jmh.log"));
        lookups.forEach(l -> progress.printf("routes: %-18s %,6d routes %8.1f ns%n", l.lookup(), l.routes(), l.nanos()));
        RouteHeap.Result heap = RouteHeap.measure(children, heapRoutes);
        progress.printf("routes: heap with %,d routes: %,d bytes (table %,d, resources %,d)%n", heap.routes(),
                heap.totalBytes(), heap.tableBytes(), heap.resourceBytes());
        return new RouteScaleResult(lookups, heap);
    }

    private WarmPathResult warmPath(Platform platform, ChildProcesses children, Path wrk, Path nginx) throws Exception {
        WarmPathBench.Settings settings = new WarmPathBench.Settings(threads, connections, Duration.ofSeconds(durationSeconds),
                rounds, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(Math.max(1, durationSeconds / 2)), nginx);
        return new WarmPathBench(platform, new Wrk(wrk, children, work.resolve("wrk")), children, work, progress).run(settings);
    }

    private List<ColdStartResult> coldStarts(Platform platform) throws Exception {
        return new ColdStartBench(platform, progress).run(new ColdStartBench.Settings(runtimes, functions, poolSize, emptyPoolFunctions));
    }

    /** --quick: every part shorter, a figure set lower on the command line stays lower. */
    private void shorten() {
        durationSeconds = Math.min(durationSeconds, 3);
        warmupSeconds = Math.min(warmupSeconds, 3);
        functions = Math.min(functions, 10);
        emptyPoolFunctions = Math.min(emptyPoolFunctions, 2);
        jmhIterations = Math.min(jmhIterations, 2);
    }

    private static Path tool(String name, String debianPackage) {
        return Tools.onPath(name).orElseThrow(() -> new BenchFailure(name + " is not installed: bench/run installs it "
                + "(apt-get install " + debianPackage + "), or install it yourself"));
    }
}
