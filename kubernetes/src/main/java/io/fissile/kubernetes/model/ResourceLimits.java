package io.fissile.kubernetes.model;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A runtime container's requests and limits: the environment's {@code resources}, each value the
 * function's {@code resources} sets taking its place (Fission's newdeploy rule).
 */
public final class ResourceLimits {

    private ResourceLimits() {
    }

    /** The environment's own, for its pool pods. */
    public static ResourceRequirements of(io.fissile.api.v1.ResourceRequirements environment) {
        return merged(environment, null);
    }

    /** The environment's, overridden by the function's where it sets one; either may be null. */
    public static ResourceRequirements merged(io.fissile.api.v1.ResourceRequirements environment,
                                              io.fissile.api.v1.ResourceRequirements function) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        for (io.fissile.api.v1.ResourceRequirements source : new io.fissile.api.v1.ResourceRequirements[]{environment, function}) {
            if (source == null) continue;
            putAll(requests, source.requests());
            putAll(limits, source.limits());
        }
        return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
    }

    private static void putAll(Map<String, Quantity> into, Map<String, String> values) {
        if (values == null) return;
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) into.put(name, new Quantity(value.trim()));
        });
    }
}
