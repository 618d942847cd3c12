package io.fissile.api.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fissile.api.Extensible;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A function: its environment, package and entrypoint, and how it is run. */
public final class FunctionSpec extends Extensible {
    private Reference environment;
    @JsonProperty("package")
    private FunctionPackageRef packageRef;
    private List<Reference> secrets;
    private List<Reference> configmaps;
    private List<EnvVar> env;
    private ResourceRequirements resources;
    @JsonProperty("InvokeStrategy")
    private InvokeStrategy invokeStrategy;
    private Integer functionTimeout;
    @JsonProperty("idletimeout")
    private Integer idleTimeout;
    private Integer concurrency;
    private Integer requestsPerPod;
    private Boolean onceOnly;
    private Integer retainPods;
    @JsonProperty("podspec")
    private PodSpec podSpec;

    public Reference environment() { return environment; }
    public FunctionSpec environment(Reference environment) { this.environment = environment; return this; }

    public FunctionPackageRef packageRef() { return packageRef; }
    public FunctionSpec packageRef(FunctionPackageRef packageRef) { this.packageRef = packageRef; return this; }

    public List<Reference> secrets() { return secrets; }
    public FunctionSpec secrets(List<Reference> secrets) { this.secrets = secrets; return this; }

    public List<Reference> configmaps() { return configmaps; }
    public FunctionSpec configmaps(List<Reference> configmaps) { this.configmaps = configmaps; return this; }

    /** Environment variables of the function's instances, in order; null when none are set. */
    public List<EnvVar> env() { return env; }
    public FunctionSpec env(List<EnvVar> env) { this.env = env; return this; }

    public ResourceRequirements resources() { return resources; }
    public FunctionSpec resources(ResourceRequirements resources) { this.resources = resources; return this; }

    public InvokeStrategy invokeStrategy() { return invokeStrategy; }
    public FunctionSpec invokeStrategy(InvokeStrategy invokeStrategy) { this.invokeStrategy = invokeStrategy; return this; }

    /** Seconds a request may take (60 when absent). */
    public Integer functionTimeout() { return functionTimeout; }
    public FunctionSpec functionTimeout(Integer functionTimeout) { this.functionTimeout = functionTimeout; return this; }

    /** Seconds an instance may sit idle before it is reaped (120 when absent). */
    public Integer idleTimeout() { return idleTimeout; }
    public FunctionSpec idleTimeout(Integer idleTimeout) { this.idleTimeout = idleTimeout; return this; }

    /** Instances that may be specialized at once (500 when absent). */
    public Integer concurrency() { return concurrency; }
    public FunctionSpec concurrency(Integer concurrency) { this.concurrency = concurrency; return this; }

    /** Requests one instance serves at once (1 when absent). */
    public Integer requestsPerPod() { return requestsPerPod; }
    public FunctionSpec requestsPerPod(Integer requestsPerPod) { this.requestsPerPod = requestsPerPod; return this; }

    /** Each instance serves one request only. */
    public Boolean onceOnly() { return onceOnly; }
    public FunctionSpec onceOnly(Boolean onceOnly) { this.onceOnly = onceOnly; return this; }

    public Integer retainPods() { return retainPods; }
    public FunctionSpec retainPods(Integer retainPods) { this.retainPods = retainPods; return this; }

    /** The pod a container function runs (its one container names the program or image); null for other functions. */
    public PodSpec podSpec() { return podSpec; }
    public FunctionSpec podSpec(PodSpec podSpec) { this.podSpec = podSpec; return this; }

    public static final int DEFAULT_FUNCTION_TIMEOUT = 60;
    public static final int DEFAULT_IDLE_TIMEOUT = 120;
    public static final int DEFAULT_CONCURRENCY = 500;
    public static final int DEFAULT_REQUESTS_PER_POD = 1;

    public int effectiveFunctionTimeout() {
        return functionTimeout == null || functionTimeout <= 0 ? DEFAULT_FUNCTION_TIMEOUT : functionTimeout;
    }

    public int effectiveIdleTimeout() {
        return idleTimeout == null ? DEFAULT_IDLE_TIMEOUT : idleTimeout;
    }

    public int effectiveConcurrency() {
        return concurrency == null || concurrency <= 0 ? DEFAULT_CONCURRENCY : concurrency;
    }

    public int effectiveRequestsPerPod() {
        return requestsPerPod == null || requestsPerPod <= 0 ? DEFAULT_REQUESTS_PER_POD : requestsPerPod;
    }

    /** The environment variables by name, in order (a later one of the same name wins; a null value reads as empty). */
    public Map<String, String> environmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (env != null) env.forEach(v -> variables.put(v.name(), v.value() == null ? "" : v.value()));
        return variables;
    }

    /** The execution strategy, or an empty one when none is written. */
    public ExecutionStrategy executionStrategy() {
        if (invokeStrategy == null || invokeStrategy.executionStrategy() == null) return new ExecutionStrategy();
        return invokeStrategy.executionStrategy();
    }

    public String effectiveExecutorType() {
        return executionStrategy().effectiveExecutorType();
    }
}
