package io.fissile.executor.newdeploy;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.instances.Deadline;
import io.fissile.executor.instances.ProvidedInstance;
import io.fissile.executor.specialize.InstanceSpecs;
import io.fissile.executor.specialize.InstanceStarts;
import io.fissile.executor.specialize.Specializer;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.InstanceStartException;

/**
 * Newdeploy's instances: each one started from the function's environment for this function alone
 * (the function's resource limits over the environment's) and specialized at once.
 */
final class SpecializedInstances implements DedicatedInstances {

    private final InstanceRuntime runtime;
    private final Specializer specializer;

    SpecializedInstances(InstanceRuntime runtime, Specializer specializer) {
        this.runtime = runtime;
        this.specializer = specializer;
    }

    @Override
    public ProvidedInstance provide(Function function, Deadline deadline) throws InterruptedException {
        return specializer.specialize(function, deadline, this::start);
    }

    private Instance start(Function function, Environment environment, Deadline deadline) throws InterruptedException {
        try {
            return InstanceStarts.startFor(runtime, function, InstanceSpecs.forFunction(environment, function), deadline.remaining(),
                    Specializer.describe(function));
        } catch (InstanceStartException e) {
            throw new FunctionUnavailableException(e.getMessage(), true, e);
        }
    }
}
