package io.fissile.api.v1;

import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

/** A language runtime that functions run in. */
public final class Environment extends Resource<EnvironmentSpec, ResourceStatus> {
    public Environment() {
        super(Kinds.API_VERSION, "Environment", new EnvironmentSpec());
    }
}
