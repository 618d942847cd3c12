package io.fissile.bench.report;

import io.fissile.bench.cold.ColdStartResult;
import io.fissile.bench.routes.RouteHeap;
import io.fissile.bench.routes.RouteLookup;
import io.fissile.bench.routes.RouteScaleResult;
import io.fissile.bench.stats.LatencySummary;
import io.fissile.bench.warm.Target;
import io.fissile.bench.warm.TargetFigures;
import io.fissile.bench.warm.WarmPathResult;
import io.fissile.bench.wrk.WrkResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/** The run's figures as the markdown tables bench/run prints and keeps in {@code bench/results/}. */
public final class MarkdownReport {
    private static final double MIB = 1024 * 1024;

    private MarkdownReport() {
    }

    public static String render(BenchReport report) {
        StringBuilder md = new StringBuilder();
        Machine machine = report.machine();
        line(md, "# Fissile benchmarks, %s", report.startedAt());
        line(md, "");
        line(md, "%d cores, %s, %s, commit %s; load average before the run %s; %s; %s; took %d s.",
                machine.cores(), machine.os(), machine.jdk(), machine.commit(), machine.loadAverage(), machine.wrk(),
                machine.nginx(), report.elapsedSeconds());
        if (report.warmPath() != null) warmPath(md, report.warmPath());
        if (report.coldStarts() != null) coldStarts(md, report.coldStarts());
        if (report.routes() != null) routes(md, report.routes());
        return md.toString();
    }

    private static void warmPath(StringBuilder md, WarmPathResult warm) {
        line(md, "");
        line(md, "## Warm path");
        line(md, "");
        line(md, "A hello function in the %s environment, `wrk -t%d -c%d`, %d alternating rounds of %d s per path; "
                        + "the median round (by requests/s) of each. nginx has %d workers, as the router has event loops.",
                warm.environment(), warm.threads(), warm.connections(), warm.rounds(), warm.durationSeconds(), warm.eventLoops(),
                warm.eventLoops());
        line(md, "");
        line(md, "| path | requests/s | p50 ms | p99 ms | errors | one connection p50 ms |");
        line(md, "|---|---:|---:|---:|---:|---:|");
        for (Target target : Target.values()) {
            TargetFigures figures = warm.underLoad().get(target.key());
            WrkResult single = warm.oneConnection().get(target.key());
            line(md, "| %s | %.0f | %.3f | %.3f | %d | %.3f |", target.description(), figures.requestsPerSecond(),
                    figures.p50Millis(), figures.p99Millis(), figures.errors(), single.p50());
        }
        WarmPathResult.Comparison c = warm.comparison();
        line(md, "");
        failedRounds(md, warm);
        line(md, "- router/nginx throughput, nginx sending the router's headers: **%.2f** (target >= %.1f: %s)",
                c.routerToNginxThroughput(), WarmPathResult.TARGET_ROUTER_TO_NGINX, verdict(c.throughputTargetMet()));
        line(md, "- router/nginx throughput, nginx as usually set up (the instance gets fewer headers to read): **%.2f**",
                c.routerToPlainNginxThroughput());
        line(md, "- router/direct throughput: **%.2f**", c.routerToDirectThroughput());
        line(md, "- p99 router %.3f ms, nginx (same headers) %.3f ms (target: router no worse: %s)", c.routerP99Millis(), c.nginxP99Millis(),
                verdict(c.p99TargetMet()));
        line(md, "- added to one request (one connection, p50 over direct): router %+.3f ms, nginx %+.3f ms",
                c.routerOverheadMillis(), c.nginxOverheadMillis());
    }

    /** Rounds that lost requests or got no answer at all: the median hides them, the reader must not miss them. */
    private static void failedRounds(StringBuilder md, WarmPathResult warm) {
        for (Target target : Target.values()) {
            List<WrkResult> rounds = warm.underLoad().get(target.key()).rounds();
            for (int i = 0; i < rounds.size(); i++) {
                WrkResult round = rounds.get(i);
                if (round.requests() == 0) {
                    line(md, "- %s, round %d: **no answer at all** in %.0f s", target.description(), i + 1, round.seconds());
                } else if (round.errors() > 0) {
                    line(md, "- %s, round %d: **%d errors** (timeouts, broken connections or answers other than 2xx/3xx) "
                            + "in %d requests", target.description(), i + 1, round.errors(), round.requests());
                }
            }
        }
    }

    private static void coldStarts(StringBuilder md, List<ColdStartResult> results) {
        line(md, "");
        line(md, "## Cold starts");
        line(md, "");
        line(md, "First request to each new function, through the router, send to full answer.");
        line(md, "");
        line(md, "| environment | warm pool: n | p50 ms | p99 ms | max ms | target p50 | empty pool: n | p50 ms | p99 ms | failed |");
        line(md, "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        for (ColdStartResult r : results) {
            LatencySummary warm = r.warmPool();
            LatencySummary empty = r.emptyPool();
            line(md, "| %s (pool %d) | %s | %s | %s | %s | <= %.0f ms: %s | %s | %s | %s | %d |", r.runtime(), r.poolSize(),
                    warm == null ? "0" : Integer.toString(warm.count()), millis(warm, LatencySummary::p50),
                    millis(warm, LatencySummary::p99), millis(warm, LatencySummary::max), r.targetP50Millis(),
                    verdict(r.targetMet()), empty == null ? "0" : Integer.toString(empty.count()),
                    millis(empty, LatencySummary::p50), millis(empty, LatencySummary::p99),
                    r.warmPoolErrors() + r.emptyPoolErrors());
        }
        for (ColdStartResult r : results) {
            if (r.firstError() != null) line(md, "- %s: first failure: %s", r.runtime(), r.firstError());
            if (r.refillTimeouts() > 0) {
                line(md, "- %s: %d requests were sent before the pool had refilled", r.runtime(), r.refillTimeouts());
            }
        }
    }

    private static void routes(StringBuilder md, RouteScaleResult routes) {
        line(md, "");
        line(md, "## Route table");
        line(md, "");
        line(md, "One lookup (JMH, average time, ns) in a table of N HTTPTriggers, one function each.");
        line(md, "");
        Map<String, Map<Integer, RouteLookup>> byLookup = new TreeMap<>();
        TreeSet<Integer> sizes = new TreeSet<>();
        for (RouteLookup lookup : routes.lookups()) {
            byLookup.computeIfAbsent(lookup.lookup(), l -> new TreeMap<>()).put(lookup.routes(), lookup);
            sizes.add(lookup.routes());
        }
        StringBuilder header = new StringBuilder("| lookup |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int size : sizes) {
            header.append(" %,d routes |".formatted(size));
            rule.append("---:|");
        }
        line(md, "%s", header);
        line(md, "%s", rule);
        byLookup.forEach((name, bySize) -> {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (int size : sizes) {
                RouteLookup lookup = bySize.get(size);
                row.append(lookup == null ? " |" : " " + nanos(lookup) + " |");
            }
            line(md, "%s", row);
        });
        RouteHeap.Result heap = routes.heap();
        if (heap != null) {
            line(md, "");
            line(md, "Router heap with %,d routes: **%.1f MiB** (route table %.1f MiB, triggers and functions as its informers keep them %.1f MiB).",
                    heap.routes(), heap.totalBytes() / MIB, heap.tableBytes() / MIB, heap.resourceBytes() / MIB);
        }
    }

    private static String millis(LatencySummary summary, ToDoubleFunction<LatencySummary> figure) {
        return summary == null ? "-" : String.format(Locale.ROOT, "%.1f", figure.applyAsDouble(summary));
    }

    /** JMH's score, with its error when there were iterations enough to give one. */
    private static String nanos(RouteLookup lookup) {
        return Double.isFinite(lookup.errorNanos())
                ? String.format(Locale.ROOT, "%.1f ± %.1f", lookup.nanos(), lookup.errorNanos())
                : String.format(Locale.ROOT, "%.1f", lookup.nanos());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
