package io.fissile.executor.instances;

import io.fissile.api.v1.Function;

/**
 * Where a function's instances come from; the one thing executor types do differently (poolmgr
 * specializes a warm generic instance, newdeploy would start a dedicated one). Everything else
 * (leases, capacity, waiting, idleness, death) is the same for all and lives in {@link InstanceGroup}.
 */
public interface InstanceSource {

    /**
     * Makes one instance ready to serve the function. Runs on a virtual thread of its own, which is
     * interrupted when the function's specialization timeout passes; an instance already taken must
     * then be stopped. Failures are best thrown as {@link io.fissile.executor.FunctionUnavailableException}
     * with a message for the user.
     */
    ProvidedInstance provide(Function function, Deadline deadline) throws Exception;
}
