package io.fissile.executor.newdeploy;

import io.fissile.api.v1.Function;
import io.fissile.executor.instances.Deadline;
import io.fissile.executor.instances.ProvidedInstance;

/**
 * How a dedicated instance of a function is made ready: newdeploy specializes an instance of the
 * function's environment, container starts the function's own program.
 */
@FunctionalInterface
public interface DedicatedInstances {

    /** As {@link io.fissile.executor.instances.InstanceSource#provide}: interrupted when the specialization timeout passes. */
    ProvidedInstance provide(Function function, Deadline deadline) throws InterruptedException;
}
