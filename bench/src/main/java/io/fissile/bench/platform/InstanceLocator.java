package io.fissile.bench.platform;

import io.fissile.bench.BenchFailure;
import io.fissile.client.ControllerClient;
import io.fissile.client.FunctionLogLine;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the instance serving a function, to call it without the router. The runtime notes each
 * specialization in the function's log ("specialized with ... in N ms"), a line the controller's
 * logs API serves with the id of the instance that wrote it; the instance's directory names its
 * process, and the process's listening socket gives the port. Nothing here depends on headers the
 * router may or may not return.
 */
public final class InstanceLocator {
    private static final String SPECIALIZED = "specialized";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int LOG_LINES = 200;

    private final ControllerClient controller;
    private final InstanceDirectories instances;

    public InstanceLocator(ControllerClient controller, InstanceDirectories instances) {
        this.controller = controller;
        this.instances = instances;
    }

    /** The address of the instance most recently specialized for the function; call after a first request. */
    public InstanceAddress find(String namespace, String function) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String id = null;
        Set<Integer> ports = Set.of();
        while (System.nanoTime() < deadline) {
            // The log line is written by the instance and collected asynchronously: it may come a little after the answer.
            id = specializedInstance(controller.logs(namespace, function, LOG_LINES, null)).orElse(null);
            if (id != null) {
                ports = instances.ports(id);
                if (ports.size() == 1) {
                    return new InstanceAddress(id, new InetSocketAddress("127.0.0.1", ports.iterator().next()));
                }
            }
            Thread.sleep(50);
        }
        throw new BenchFailure(id == null
                ? "no \"specialized\" line in the logs of function " + namespace + "/" + function + " after " + PATIENCE.toSeconds() + " s"
                : "instance " + id + " of function " + function + " listens on " + (ports.isEmpty() ? "no port" : "several ports " + ports)
                        + "; expected exactly one");
    }

    /** The instance of the last log line saying a specialization happened. */
    static Optional<String> specializedInstance(List<FunctionLogLine> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            FunctionLogLine line = lines.get(i);
            if (line.text() != null && line.text().startsWith(SPECIALIZED) && line.instance() != null) {
                return Optional.of(line.instance());
            }
        }
        return Optional.empty();
    }

    public record InstanceAddress(String id, InetSocketAddress address) {
    }
}
