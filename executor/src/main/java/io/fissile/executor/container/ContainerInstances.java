package io.fissile.executor.container;

import io.fissile.api.v1.Container;
import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.RemoteInstance;
import io.fissile.executor.instances.Deadline;
import io.fissile.executor.instances.ProvidedInstance;
import io.fissile.executor.newdeploy.DedicatedInstances;
import io.fissile.executor.specialize.InstanceSpecs;
import io.fissile.executor.specialize.InstanceStarts;
import io.fissile.executor.specialize.Specializer;
import io.fissile.executor.specialize.StartingFiles;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.UserCommand;

import java.time.Duration;

/**
 * A container function's instances: its own program, started with the function's package (if it
 * names one) in its userfunc, and serving as soon as its port accepts connections; never specialized.
 */
final class ContainerInstances implements DedicatedInstances {

    private final InstanceRuntime runtime;
    private final Specializer specializer;
    private final Duration graceCap;

    ContainerInstances(InstanceRuntime runtime, Specializer specializer, Duration graceCap) {
        this.runtime = runtime;
        this.specializer = specializer;
        this.graceCap = graceCap;
    }

    @Override
    public ProvidedInstance provide(Function function, Deadline deadline) throws InterruptedException {
        Container container = ContainerCommand.containerOf(function);
        StartingFiles files = specializer.startingFiles(function, deadline);
        UserCommand command = new UserCommand(ContainerCommand.of(function, container), files.files());
        Instance instance;
        try {
            instance = InstanceStarts.startFor(runtime, function, InstanceSpecs.forCommand(function, container, command),
                    deadline.remaining(), Specializer.describe(function));
        } catch (InstanceStartException e) {
            throw new FunctionUnavailableException(e.getMessage(), true, e);
        }
        instance.assignFunction(function.namespace(), function.name());
        // An instance elsewhere (a pod) has its secrets and config maps as volumes; only local ones get files written.
        if (!(instance instanceof RemoteInstance)) specializer.attach(function, instance);
        return new ProvidedInstance(instance, files.packageVersion(), ContainerCommand.stopGrace(function, graceCap));
    }
}
