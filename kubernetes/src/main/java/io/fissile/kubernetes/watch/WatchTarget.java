package io.fissile.kubernetes.watch;

import io.fissile.api.LabelSelector;
import io.fissile.api.v1.FunctionReference;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.api.v1.KubernetesWatchTriggerSpec;

import java.util.Map;

/**
 * What one watch trigger asks for, checked: which objects to watch and which function to call.
 *
 * @param namespace where the watched objects are: the trigger's own namespace
 * @param selector  the objects' labels must match it; all objects when the trigger has none
 * @param function  called in the trigger's namespace, as in Fission (function namespace = trigger namespace)
 */
record WatchTarget(String triggerNamespace, String triggerName, String namespace, WatchedKind kind,
                   Map<String, String> labels, LabelSelector selector, String function) {

    /**
     * Reads a trigger.
     *
     * @throws IllegalArgumentException naming the field that makes the trigger unusable
     */
    static WatchTarget of(KubernetesWatchTrigger trigger) {
        KubernetesWatchTriggerSpec spec = trigger.spec();
        WatchedKind kind = WatchedKind.of(spec.type()).orElseThrow(() -> new IllegalArgumentException(
                "spec.type: \"" + spec.type() + "\" is not one of POD, SERVICE, REPLICATIONCONTROLLER, JOB"));
        String namespace = spec.namespace() == null || spec.namespace().isEmpty() ? trigger.namespace() : spec.namespace();
        // As in Fission: a trigger may only watch its own namespace, so that it cannot read another tenant's objects.
        if (!namespace.equals(trigger.namespace())) {
            throw new IllegalArgumentException("spec.namespace: \"" + namespace + "\" differs from the trigger's namespace \""
                    + trigger.namespace() + "\"; a trigger may only watch objects in its own namespace");
        }
        FunctionReference ref = spec.functionRef();
        if (ref == null || ref.name() == null || ref.name().isEmpty()) {
            throw new IllegalArgumentException("spec.functionref.name: a function name is required");
        }
        if (!FunctionReference.TYPE_NAME.equals(ref.effectiveType())) {
            throw new IllegalArgumentException("spec.functionref.type: \"" + ref.type() + "\" is not supported by watch triggers; use \"name\"");
        }
        Map<String, String> labels = spec.labelSelector() == null ? Map.of() : Map.copyOf(spec.labelSelector());
        return new WatchTarget(trigger.namespace(), trigger.name(), namespace, kind, labels,
                LabelSelector.equalTo(labels), ref.name());
    }

    boolean selects(Map<String, String> objectLabels) {
        return selector.matches(objectLabels == null ? Map.of() : objectLabels);
    }

    String describe() {
        return triggerNamespace + "/" + triggerName;
    }
}
