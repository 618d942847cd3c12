package io.fissile.executor.specialize;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.executor.instances.Deadline;
import io.fissile.runtime.Instance;

/** Where the {@link Specializer} gets a generic instance of a function's environment: the step executor types do differently. */
@FunctionalInterface
public interface InstanceSupply {

    /**
     * A running, generic instance of the environment, for the function, within the deadline. Failures
     * are thrown as {@link io.fissile.executor.FunctionUnavailableException} with a message for the user.
     */
    Instance obtain(Function function, Environment environment, Deadline deadline) throws InterruptedException;
}
