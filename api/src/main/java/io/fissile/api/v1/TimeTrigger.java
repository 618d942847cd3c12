package io.fissile.api.v1;

import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

/** Calls a function on a schedule. */
public final class TimeTrigger extends Resource<TimeTriggerSpec, ResourceStatus> {
    public TimeTrigger() {
        super(Kinds.API_VERSION, "TimeTrigger", new TimeTriggerSpec());
    }
}
