package io.fissile.executor.core;

import io.fissile.api.v1.Environment;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.executor.specialize.Environments;
import io.fissile.store.InformerListener;

/**
 * When an environment's spec changes, its functions' instances are retired, so that new requests
 * run on the new runtime; an environment that appears lets functions that failed for want of it try
 * again at once. Instances of a deleted environment serve on until idle, as in Fission.
 */
final class EnvironmentListener implements InformerListener<Environment> {

    private final FunctionTable table;

    EnvironmentListener(FunctionTable table) {
        this.table = table;
    }

    @Override
    public void onAdd(Environment environment) {
        table.retireWhere(group -> group.usesEnvironment(environment.namespace(), environment.name())
                && group.instanceCount() == 0);
    }

    @Override
    public void onUpdate(Environment before, Environment now) {
        if (Environments.sameSpec(before, now)) return;
        table.retireWhere(group -> group.usesEnvironment(now.namespace(), now.name()));
    }
}
