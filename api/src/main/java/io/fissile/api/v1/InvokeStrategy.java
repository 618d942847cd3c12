package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

/** Fission's wrapper around the execution strategy. */
public final class InvokeStrategy extends Extensible {
    @JsonProperty("ExecutionStrategy")
    private ExecutionStrategy executionStrategy;
    @JsonProperty("StrategyType")
    private String strategyType;

    public ExecutionStrategy executionStrategy() { return executionStrategy; }
    public InvokeStrategy executionStrategy(ExecutionStrategy executionStrategy) { this.executionStrategy = executionStrategy; return this; }

    /** Always {@code execution}. */
    public String strategyType() { return strategyType; }
    public InvokeStrategy strategyType(String strategyType) { this.strategyType = strategyType; return this; }

    public static final String EXECUTION = "execution";
}
