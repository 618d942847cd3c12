package io.fissile.bench.warm;

import io.fissile.bench.BenchFailure;
import io.fissile.bench.platform.BenchFunctions;
import io.fissile.bench.platform.ChildProcesses;
import io.fissile.bench.platform.InstanceLocator.InstanceAddress;
import io.fissile.bench.platform.Nginx;
import io.fissile.bench.platform.NginxConfig;
import io.fissile.bench.platform.Platform;
import io.fissile.bench.platform.TimedGet.Answer;
import io.fissile.bench.wrk.Wrk;
import io.fissile.bench.wrk.WrkResult;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm path: one jvm "hello" instance, called by wrk directly, through nginx and through the
 * router, in alternating rounds so that a disturbance on the shared machine hits all three alike.
 * The function may have one instance only, taking every connection, so that the three paths reach
 * the very same process.
 */
public final class WarmPathBench {
    static final String ENVIRONMENT = "bench-jvm";
    static final String FUNCTION = "hello";
    static final String ROUTE = "/bench/hello";
    private static final Duration ROUTE_PATIENCE = Duration.ofSeconds(60);

    /**
     * @param duration     of each measured wrk run
     * @param warmup       of the unmeasured wrk run each target gets first (JIT, connection pools)
     * @param oneConnection of the single-connection run per target
     */
    public record Settings(int threads, int connections, Duration duration, int rounds, Duration warmup,
                           Duration oneConnection, Path nginx) {
    }

    private final Platform platform;
    private final Wrk wrk;
    private final ChildProcesses children;
    private final Path workDirectory;
    private final PrintStream progress;

    public WarmPathBench(Platform platform, Wrk wrk, ChildProcesses children, Path workDirectory, PrintStream progress) {
        this.platform = platform;
        this.wrk = wrk;
        this.children = children;
        this.workDirectory = workDirectory;
        this.progress = progress;
    }

    public WarmPathResult run(Settings settings) throws IOException, InterruptedException {
        deploy(settings);
        try {
            URI routed = platform.router(ROUTE);
            awaitAnswer(routed);
            InstanceAddress instance = platform.locator().find("default", FUNCTION);
            progress.printf("warm path: function %s runs on instance %s at %s (found through its log and /proc)%n",
                    FUNCTION, instance.id(), instance.address());
            URI direct = URI.create("http://127.0.0.1:" + instance.address().getPort() + "/");
            expectHello(direct, "the instance, called directly");
            int workers = platform.server().eventLoops();
            progress.printf("warm path: nginx with %d worker processes, as many as the router's event loops%n", workers);
            Nginx nginx = Nginx.start(children, settings.nginx(), workDirectory.resolve("nginx"), workers, instance.address().getPort(),
                    "default", FUNCTION);
            try {
                URI throughNginx = nginx.url("/");
                URI throughNginxAsRouter = nginx.url(NginxConfig.AS_ROUTER);
                expectHello(throughNginx, "nginx");
                expectHello(throughNginxAsRouter, "nginx sending the router's headers");
                Map<Target, URI> urls = new EnumMap<>(Map.of(Target.DIRECT, direct, Target.NGINX, throughNginx,
                        Target.NGINX_AS_ROUTER, throughNginxAsRouter, Target.ROUTER, routed));
                return measure(settings, urls, instance, workers);
            } finally {
                nginx.stop();
            }
        } finally {
            undeploy();
        }
    }

    private WarmPathResult measure(Settings settings, Map<Target, URI> urls, InstanceAddress instance, int workers)
            throws IOException, InterruptedException {
        for (Target target : Target.values()) {
            wrk.run("warmup-" + target.key(), urls.get(target), settings.threads(), settings.connections(), settings.warmup());
        }
        Map<String, WrkResult> oneConnection = new LinkedHashMap<>();
        for (Target target : Target.values()) {
            WrkResult result = wrk.run("one-connection-" + target.key(), urls.get(target), 1, 1, settings.oneConnection());
            oneConnection.put(target.key(), result);
            progress.printf("warm path: one connection, %-26s p50 %7.3f ms%n", target.description(), result.p50());
        }
        Map<Target, List<WrkResult>> rounds = new EnumMap<>(Target.class);
        for (int round = 0; round < settings.rounds(); round++) {
            // Each round starts with another target, so that none always runs first (or last).
            for (int i = 0; i < Target.values().length; i++) {
                Target target = Target.values()[(round + i) % Target.values().length];
                WrkResult result = wrk.run("round" + (round + 1) + "-" + target.key(), urls.get(target),
                        settings.threads(), settings.connections(), settings.duration());
                rounds.computeIfAbsent(target, t -> new ArrayList<>()).add(result);
                progress.printf("warm path: round %d/%d %-26s %9.0f req/s  p50 %7.3f ms  p99 %8.3f ms%s%n", round + 1,
                        settings.rounds(), target.description(), result.requestsPerSecond(), result.p50(), result.p99(),
                        result.errors() > 0 ? "  errors " + result.errors() : "");
            }
        }
        Map<String, TargetFigures> underLoad = new LinkedHashMap<>();
        rounds.forEach((target, results) -> underLoad.put(target.key(), TargetFigures.of(results)));
        return new WarmPathResult(FUNCTION, ENVIRONMENT, instance.id(), workers, settings.threads(), settings.connections(),
                (int) settings.duration().toSeconds(), settings.rounds(), underLoad, oneConnection,
                WarmPathResult.Comparison.of(underLoad, oneConnection));
    }

    private void deploy(Settings settings) throws IOException {
        BenchFunctions.Code code = platform.functions().code("jvm");
        platform.cli().run(code.environmentArgs(ENVIRONMENT, 1));
        // One instance for every connection: the router must reach the same single process as nginx and wrk do.
        platform.cli().run("fn", "create", "--name", FUNCTION, "--env", ENVIRONMENT, "--code", code.file().toString(),
                "--entrypoint", code.entrypoint(), "--concurrency", "1",
                "--requestsperpod", Integer.toString(settings.connections() * 2), "--idletimeout", "3600");
        platform.cli().run("route", "create", "--name", FUNCTION, "--url", ROUTE, "--function", FUNCTION, "--method", "GET");
    }

    /** Removes what {@link #deploy} made; a failure here is reported, not allowed to hide the run's own outcome. */
    private void undeploy() {
        try {
            platform.cli().run("route", "delete", "--name", FUNCTION);
            platform.cli().run("fn", "delete", "--name", FUNCTION);
            platform.cli().run("env", "delete", "--name", ENVIRONMENT);
        } catch (BenchFailure e) {
            progress.println("warm path: cleaning up failed: " + e.getMessage());
        }
    }

    /** The first request through the router, once the route is in its table (it follows the trigger's creation). */
    private void awaitAnswer(URI url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ROUTE_PATIENCE.toNanos();
        Answer answer;
        do {
            answer = platform.http().get(url);
            if (answer.ok()) break;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        if (!answer.ok()) {
            throw new BenchFailure("the router did not answer " + url + " with 200 within " + ROUTE_PATIENCE.toSeconds()
                    + " s; last answer " + answer.status() + ": " + answer.body());
        }
    }

    private void expectHello(URI url, String what) throws IOException, InterruptedException {
        Answer answer = platform.http().get(url);
        if (!answer.ok() || !answer.body().equals(BenchFunctions.BODY)) {
            throw new BenchFailure(what + " (" + url + ") answered " + answer.status() + " \"" + answer.body().strip()
                    + "\", not the function's \"" + BenchFunctions.BODY.strip() + "\"");
        }
    }
}
