package io.fissile.bench.routes;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.HTTPTrigger;
import io.fissile.router.routes.RouteTable;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.List;

/**
 * Run in a JVM of its own ({@link RouteHeap}): builds what the router holds for {@code count}
 * HTTPTriggers, one function each (the resources its informers keep, then the route table) and
 * prints how much live heap each took, measured after full collections.
 */
public final class RouteHeapProbe {
    static final String RESOURCES = "resources";
    static final String TABLE = "table";

    private RouteHeapProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = Integer.parseInt(args[0]);
        // Load and initialise every class a build touches first, so that only the data is counted.
        RouteFixtures.table(10);
        long empty = liveHeap();
        List<Function> functions = RouteFixtures.functions(count);
        List<HTTPTrigger> triggers = RouteFixtures.triggers(count);
        long withResources = liveHeap();
        RouteTable table = RouteFixtures.table(triggers, functions);
        long withTable = liveHeap();
        Reference.reachabilityFence(functions);
        Reference.reachabilityFence(triggers);
        Reference.reachabilityFence(table);
        System.out.println(RESOURCES + " " + (withResources - empty));
        System.out.println(TABLE + " " + (withTable - withResources));
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
