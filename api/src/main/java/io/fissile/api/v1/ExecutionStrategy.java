package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

/** How a function's instances are run and scaled. */
public final class ExecutionStrategy extends Extensible {
    @JsonProperty("ExecutorType")
    private String executorType;
    @JsonProperty("MinScale")
    private Integer minScale;
    @JsonProperty("MaxScale")
    private Integer maxScale;
    @JsonProperty("TargetCPUPercent")
    private Integer targetCPUPercent;
    @JsonProperty("SpecializationTimeout")
    private Integer specializationTimeout;

    /** poolmgr, newdeploy or container. */
    public String executorType() { return executorType; }
    public ExecutionStrategy executorType(String executorType) { this.executorType = executorType; return this; }

    public Integer minScale() { return minScale; }
    public ExecutionStrategy minScale(Integer minScale) { this.minScale = minScale; return this; }

    public Integer maxScale() { return maxScale; }
    public ExecutionStrategy maxScale(Integer maxScale) { this.maxScale = maxScale; return this; }

    public Integer targetCPUPercent() { return targetCPUPercent; }
    public ExecutionStrategy targetCPUPercent(Integer targetCPUPercent) { this.targetCPUPercent = targetCPUPercent; return this; }

    /** Seconds to wait for an instance to be specialized. */
    public Integer specializationTimeout() { return specializationTimeout; }
    public ExecutionStrategy specializationTimeout(Integer specializationTimeout) { this.specializationTimeout = specializationTimeout; return this; }

    public static final String POOLMGR = "poolmgr";
    public static final String NEWDEPLOY = "newdeploy";
    public static final String CONTAINER = "container";
    public static final int DEFAULT_SPECIALIZATION_TIMEOUT = 120;

    /** The executor type, reading an absent one as poolmgr. */
    public String effectiveExecutorType() {
        return executorType == null || executorType.isEmpty() ? POOLMGR : executorType;
    }

    public int effectiveSpecializationTimeout() {
        return specializationTimeout == null || specializationTimeout <= 0 ? DEFAULT_SPECIALIZATION_TIMEOUT : specializationTimeout;
    }
}
