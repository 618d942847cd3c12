package io.fissile.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where function instances live. The local implementation runs each instance as an OS process
 * on a loopback port, sandboxed with bubblewrap where it is available; a Kubernetes one would run
 * pods. Callers (the executor) never see which.
 */
public interface InstanceRuntime extends AutoCloseable {

    /**
     * Starts a generic instance of an environment's runtime. The future completes once the instance
     * accepts connections, or fails with an {@link InstanceStartException} that says why (unknown
     * image, runtime program missing, process exited, not listening within the start timeout), with
     * the instance's last output lines.
     */
    CompletableFuture<Instance> start(InstanceSpec spec);

    /** Instances started and not yet known to have ended. */
    List<Instance> instances();

    /** What the runtime can do on this machine, e.g. whether instances are sandboxed. */
    RuntimeCapabilities capabilities();

    /** Stops every instance (each with its grace period) and releases the runtime's resources. */
    @Override
    void close();
}
