package io.fissile.api.v1;

import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

/** A function: code in an environment, with an entrypoint. */
public final class Function extends Resource<FunctionSpec, ResourceStatus> {
    public Function() {
        super(Kinds.API_VERSION, "Function", new FunctionSpec());
    }
}
