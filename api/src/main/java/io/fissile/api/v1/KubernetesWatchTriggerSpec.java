package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

import java.util.Map;

/** Calls a function for each change to watched Kubernetes objects. */
public final class KubernetesWatchTriggerSpec extends Extensible {
    private String namespace;
    private String type;
    @JsonProperty("labelselector")
    private Map<String, String> labelSelector;
    @JsonProperty("functionref")
    private FunctionReference functionRef;

    public String namespace() { return namespace; }
    public KubernetesWatchTriggerSpec namespace(String namespace) { this.namespace = namespace; return this; }

    /** POD, SERVICE, REPLICATIONCONTROLLER or JOB. */
    public String type() { return type; }
    public KubernetesWatchTriggerSpec type(String type) { this.type = type; return this; }

    public Map<String, String> labelSelector() { return labelSelector; }
    public KubernetesWatchTriggerSpec labelSelector(Map<String, String> labelSelector) { this.labelSelector = labelSelector; return this; }

    public FunctionReference functionRef() { return functionRef; }
    public KubernetesWatchTriggerSpec functionRef(FunctionReference functionRef) { this.functionRef = functionRef; return this; }
}
