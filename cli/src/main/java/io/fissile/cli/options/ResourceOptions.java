package io.fissile.cli.options;

import io.fissile.api.Quantity;
import io.fissile.api.v1.ResourceRequirements;
import io.fissile.cli.commands.CliException;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.fissile.api.v1.ResourceRequirements.CPU;
import static io.fissile.api.v1.ResourceRequirements.MEMORY;

/** {@code --mincpu --maxcpu --minmemory --maxmemory}: CPU in millicores and memory in MiB, as Fission takes them. */
public final class ResourceOptions {
    @Option(names = "--mincpu", paramLabel = "MILLICORES", description = "Minimum CPU (requests), in millicores")
    Integer minCpu;

    @Option(names = "--maxcpu", paramLabel = "MILLICORES", description = "Maximum CPU (limits), in millicores")
    Integer maxCpu;

    @Option(names = "--minmemory", paramLabel = "MIB", description = "Minimum memory (requests), in megabytes")
    Integer minMemory;

    @Option(names = "--maxmemory", paramLabel = "MIB", description = "Maximum memory (limits), in megabytes")
    Integer maxMemory;

    public boolean given() {
        return minCpu != null || maxCpu != null || minMemory != null || maxMemory != null;
    }

    /** {@code current} with the given flags applied; {@code current} itself when none is given. */
    public ResourceRequirements applyTo(ResourceRequirements current) {
        if (!given()) return current;
        Map<String, String> requests = copy(current == null ? null : current.requests());
        Map<String, String> limits = copy(current == null ? null : current.limits());
        put(requests, CPU, "--mincpu", minCpu, "m");
        put(limits, CPU, "--maxcpu", maxCpu, "m");
        put(requests, MEMORY, "--minmemory", minMemory, "Mi");
        put(limits, MEMORY, "--maxmemory", maxMemory, "Mi");
        limitAtLeastRequest(requests, limits, CPU, "--mincpu", "--maxcpu");
        limitAtLeastRequest(requests, limits, MEMORY, "--minmemory", "--maxmemory");
        return new ResourceRequirements().requests(requests.isEmpty() ? null : requests).limits(limits.isEmpty() ? null : limits);
    }

    private static void put(Map<String, String> values, String resource, String flag, Integer amount, String unit) {
        if (amount == null) return;
        if (amount < 1) throw new CliException(flag + " must be at least 1, not " + amount);
        values.put(resource, amount + unit);
    }

    /** A request without a limit is its own limit, as Fission sets it; a limit below the request is refused. */
    private static void limitAtLeastRequest(Map<String, String> requests, Map<String, String> limits, String resource,
                                            String minFlag, String maxFlag) {
        String request = requests.get(resource);
        if (request == null) return;
        String limit = limits.get(resource);
        if (limit == null) {
            limits.put(resource, request);
        } else if (Quantity.parse(limit).compareTo(Quantity.parse(request)) < 0) {
            throw new CliException(minFlag + " (" + request + ") cannot be greater than " + maxFlag + " (" + limit + ")");
        }
    }

    private static Map<String, String> copy(Map<String, String> values) {
        return values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values);
    }
}
