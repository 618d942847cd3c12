package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

/** Moves traffic of an HTTP trigger from one function to another step by step. */
public final class CanaryConfigSpec extends Extensible {
    private String trigger;
    @JsonProperty("newfunction")
    private String newFunction;
    @JsonProperty("oldfunction")
    private String oldFunction;
    @JsonProperty("weightincrement")
    private Integer weightIncrement;
    private String duration;
    @JsonProperty("failurethreshold")
    private Integer failureThreshold;
    private String failureType;

    public String trigger() { return trigger; }
    public CanaryConfigSpec trigger(String trigger) { this.trigger = trigger; return this; }

    public String newFunction() { return newFunction; }
    public CanaryConfigSpec newFunction(String newFunction) { this.newFunction = newFunction; return this; }

    public String oldFunction() { return oldFunction; }
    public CanaryConfigSpec oldFunction(String oldFunction) { this.oldFunction = oldFunction; return this; }

    public Integer weightIncrement() { return weightIncrement; }
    public CanaryConfigSpec weightIncrement(Integer weightIncrement) { this.weightIncrement = weightIncrement; return this; }

    /** Time between steps, as a Go duration ({@code 2m}). */
    public String duration() { return duration; }
    public CanaryConfigSpec duration(String duration) { this.duration = duration; return this; }

    /** Percent of failed requests that rolls back. */
    public Integer failureThreshold() { return failureThreshold; }
    public CanaryConfigSpec failureThreshold(Integer failureThreshold) { this.failureThreshold = failureThreshold; return this; }

    public String failureType() { return failureType; }
    public CanaryConfigSpec failureType(String failureType) { this.failureType = failureType; return this; }
}
