package io.fissile.executor.container;

import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.executor.core.ExecutorParts;
import io.fissile.executor.core.ExecutorType;
import io.fissile.executor.newdeploy.NewdeployType;

/**
 * The container executor type: newdeploy's dedicated instances and autoscaling, each instance the
 * function's own program (its pod spec's one container: command and args, locally) instead of a
 * specialized environment.
 */
public final class ContainerType {

    private ContainerType() {
    }

    public static ExecutorType start(ExecutorParts parts) {
        return NewdeployType.startDedicated(ExecutionStrategy.CONTAINER, parts,
                new ContainerInstances(parts.runtime(), parts.specializer(), parts.options().maxTerminationGrace()));
    }
}
