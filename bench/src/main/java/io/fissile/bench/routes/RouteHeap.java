package io.fissile.bench.routes;

import io.fissile.bench.BenchFailure;
import io.fissile.bench.platform.ChildProcesses;
import io.fissile.bench.platform.Java;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The router's heap for a number of routes, measured by {@link RouteHeapProbe} in a fresh JVM with
 * the serial collector, whose used heap after a full collection is the live data exactly.
 */
public final class RouteHeap {
    private static final long PATIENCE_SECONDS = 120;

    private RouteHeap() {
    }

    /**
     * @param resourceBytes the HTTPTriggers and Functions as the router's informers keep them
     * @param tableBytes    the route table built from them
     */
    public record Result(int routes, long resourceBytes, long tableBytes) {
        public long totalBytes() {
            return resourceBytes + tableBytes;
        }
    }

    public static Result measure(ChildProcesses children, int routes) throws IOException, InterruptedException {
        List<String> command = List.of(Java.current(), "-XX:+UseSerialGC", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), RouteHeapProbe.class.getName(), Integer.toString(routes));
        Process process = children.start("route-heap-probe", new ProcessBuilder(command).redirectErrorStream(true));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            ChildProcesses.stop(process);
            throw new BenchFailure("the route heap probe failed:\n" + output);
        }
        Map<String, Long> figures = new HashMap<>();
        for (String line : output.split("\\R")) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 2 && fields[1].matches("-?\\d+")) figures.put(fields[0], Long.parseLong(fields[1]));
        }
        if (!figures.containsKey(RouteHeapProbe.RESOURCES) || !figures.containsKey(RouteHeapProbe.TABLE)) {
            throw new BenchFailure("the route heap probe printed no figures:\n" + output);
        }
        return new Result(routes, figures.get(RouteHeapProbe.RESOURCES), figures.get(RouteHeapProbe.TABLE));
    }
}
