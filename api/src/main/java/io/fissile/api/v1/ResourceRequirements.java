package io.fissile.api.v1;

import io.fissile.api.Extensible;

import java.util.Map;

/** CPU and memory requests and limits as Kubernetes quantities ({@code 500m}, {@code 128Mi}). */
public final class ResourceRequirements extends Extensible {
    private Map<String, String> limits;
    private Map<String, String> requests;

    public Map<String, String> limits() { return limits; }
    public ResourceRequirements limits(Map<String, String> limits) { this.limits = limits; return this; }

    public Map<String, String> requests() { return requests; }
    public ResourceRequirements requests(Map<String, String> requests) { this.requests = requests; return this; }

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
}
