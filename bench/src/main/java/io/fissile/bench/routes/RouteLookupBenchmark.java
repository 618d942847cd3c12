package io.fissile.bench.routes;

import io.fissile.router.routes.RouteMatch;
import io.fissile.router.routes.RouteTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * One route lookup, as the router makes for every request, in a table of {@code routes} HTTPTriggers
 * (plus one internal route per function). The cost must not depend on the number of routes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouteLookupBenchmark {

    @Param({"10", "10000"})
    public int routes;

    private RouteTable table;
    private String staticPath;
    private String parameterisedPath;
    private String missingPath;

    @Setup
    public void buildTable() {
        table = RouteFixtures.table(routes);
        staticPath = RouteFixtures.staticPath(routes);
        parameterisedPath = RouteFixtures.parameterisedPath(routes);
        missingPath = RouteFixtures.missingPath();
        // A benchmark of the wrong outcome would measure nothing useful: check each path does what its name says.
        expect(staticPath, true);
        expect(parameterisedPath, true);
        expect(missingPath, false);
    }

    private void expect(String path, boolean found) {
        if (table.find("GET", null, path).found() != found) {
            throw new IllegalStateException(path + (found ? " matches no route" : " matches a route") + " in a table of " + routes);
        }
    }

    @Benchmark
    public RouteMatch staticPath() {
        return table.find("GET", null, staticPath);
    }

    @Benchmark
    public RouteMatch parameterisedPath() {
        return table.find("GET", null, parameterisedPath);
    }

    @Benchmark
    public RouteMatch miss() {
        return table.find("GET", null, missingPath);
    }
}
