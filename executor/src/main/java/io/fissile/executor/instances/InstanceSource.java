package io.fissile.executor.instances;

import io.fissile.api.v1.Function;

/**
 * What an executor type does its own way: where a function's instances come from (poolmgr
 * specializes a warm generic instance, newdeploy starts a dedicated one) and what the function's
 * spec means for how many it may have. Everything else (leases, capacity, waiting, idleness, death,
 * updates) is the same for all and lives in {@link InstanceGroup}.
 */
public interface InstanceSource {

    /**
     * Makes one instance ready to serve the function. Runs on a virtual thread of its own, which is
     * interrupted when the function's specialization timeout passes; an instance already taken must
     * then be stopped. Failures are best thrown as {@link io.fissile.executor.FunctionUnavailableException}
     * with a message for the user.
     */
    ProvidedInstance provide(Function function, Deadline deadline) throws Exception;

    /** How many instances this version of the function has, and what each takes; read once per version. */
    FunctionLimits limits(Function function);
}
