package io.fissile.executor.core;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.store.InformerListener;

/**
 * A changed function's old instances get no new requests and stop once their requests end; a
 * deleted function's instances go the same way, and requests still waiting for it fail.
 */
final class FunctionListener implements InformerListener<Function> {

    private final FunctionTable table;

    FunctionListener(FunctionTable table) {
        this.table = table;
    }

    @Override
    public void onUpdate(Function before, Function now) {
        table.retireUnlessVersion(now.namespace(), now.name(), now.metadata().resourceVersion());
    }

    @Override
    public void onDelete(Function last) {
        table.remove(last.namespace(), last.name(), new FunctionUnavailableException(
                "function \"" + last.namespace() + "/" + last.name() + "\" was deleted", false, null));
    }
}
