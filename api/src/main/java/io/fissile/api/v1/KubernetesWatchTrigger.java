package io.fissile.api.v1;

import io.fissile.api.Resource;
import io.fissile.api.ResourceStatus;

/** Calls a function when watched Kubernetes objects change. */
public final class KubernetesWatchTrigger extends Resource<KubernetesWatchTriggerSpec, ResourceStatus> {
    public KubernetesWatchTrigger() {
        super(Kinds.API_VERSION, "KubernetesWatchTrigger", new KubernetesWatchTriggerSpec());
    }
}
