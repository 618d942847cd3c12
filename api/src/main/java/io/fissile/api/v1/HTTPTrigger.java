package io.fissile.api.v1;

import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

/** Routes HTTP requests to a function. */
public final class HTTPTrigger extends Resource<HTTPTriggerSpec, ResourceStatus> {
    public HTTPTrigger() {
        super(Kinds.API_VERSION, "HTTPTrigger", new HTTPTriggerSpec());
    }
}
