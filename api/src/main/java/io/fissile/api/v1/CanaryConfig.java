package io.fissile.api.v1;

import io.fissile.api.Resource;

/** Shifts an HTTP trigger's traffic from an old function to a new one. */
public final class CanaryConfig extends Resource<CanaryConfigSpec, CanaryConfigStatus> {
    public CanaryConfig() {
        super(Kinds.API_VERSION, "CanaryConfig", new CanaryConfigSpec());
    }
}
