package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

import java.util.Map;

/** Which function a trigger calls: one by name, or several by weight ({@code function-weights}). */
public final class FunctionReference extends Extensible {
    private String type;
    private String name;
    @JsonProperty("functionweights")
    private Map<String, Integer> functionWeights;

    /** {@code name} or {@code function-weights}. */
    public String type() { return type; }
    public FunctionReference type(String type) { this.type = type; return this; }

    public String name() { return name; }
    public FunctionReference name(String name) { this.name = name; return this; }

    /** Function name to weight in percent, for canaries. */
    public Map<String, Integer> functionWeights() { return functionWeights; }
    public FunctionReference functionWeights(Map<String, Integer> functionWeights) { this.functionWeights = functionWeights; return this; }

    public static final String TYPE_NAME = "name";
    public static final String TYPE_FUNCTION_WEIGHTS = "function-weights";

    public static FunctionReference byName(String name) { return new FunctionReference().type(TYPE_NAME).name(name); }

    /** The type, reading an absent one as {@code name}. */
    public String effectiveType() {
        return type == null || type.isEmpty() ? TYPE_NAME : type;
    }
}
