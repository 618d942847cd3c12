package io.fissile.cli.commands.function;

import io.fissile.api.v1.EnvVar;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionPackageRef;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.options.KeyValues;
import io.fissile.cli.options.LabelOptions;
import io.fissile.cli.options.ResourceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags {@code fn create} and {@code fn update} share. All are optional here so that an update
 * changes only what is given; create writes Fission's defaults first.
 */
public final class FunctionFlags {
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.environment", "--env",
            "spec.env", "--env",
            "spec.package.packageref", "--pkgname",
            "spec.package.functionName", "--entrypoint",
            "spec.secrets", "--secret",
            "spec.configmaps", "--configmap",
            "spec.resources.requests.cpu", "--mincpu",
            "spec.resources.limits.cpu", "--maxcpu",
            "spec.resources.requests.memory", "--minmemory",
            "spec.resources.limits.memory", "--maxmemory",
            "spec.InvokeStrategy.ExecutionStrategy.ExecutorType", "--executortype",
            "spec.InvokeStrategy.ExecutionStrategy.MinScale", "--minscale",
            "spec.InvokeStrategy.ExecutionStrategy.MaxScale", "--maxscale",
            "spec.InvokeStrategy.ExecutionStrategy.TargetCPUPercent", "--targetcpu",
            "spec.InvokeStrategy.ExecutionStrategy.SpecializationTimeout", "--specializationtimeout",
            "spec.functionTimeout", "--fntimeout",
            "spec.idletimeout", "--idletimeout",
            "spec.concurrency", "--concurrency",
            "spec.requestsPerPod", "--requestsperpod",
            "spec.retainPods", "--retainpods");

    static final int DEFAULT_MIN_SCALE = 1;

    /** The environment named with --env; null when none was. */
    String environment;

    /** The KEY=VALUE values of --env, in order. */
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<String> environmentNames = new ArrayList<>();

    /**
     * {@code --env} is Fission's flag for the environment, so a value without '=' (environment
     * names never hold one) names it; {@code KEY=VALUE} values are the function's variables.
     * Picocli hands over every value given so far, each time.
     */
    @Option(names = "--env", paramLabel = "ENVIRONMENT|KEY=VALUE",
            description = {"Environment the function runs in; or, as KEY=VALUE, an environment variable of its instances",
                    "(repeat for several; update sets the variables given and keeps the others)"})
    void environmentOrVariables(List<String> values) {
        environmentNames.clear();
        variables.clear();
        for (String value : values) {
            if (value.contains("=")) variables.putAll(KeyValues.parse("--env", List.of(value)));
            else environmentNames.add(value);
        }
        environment = environmentNames.isEmpty() ? null : environmentNames.getLast();
    }

    @Option(names = {"--entrypoint", "--entry", "--ep"}, paramLabel = "ENTRYPOINT",
            description = "Entry point in the code, e.g. hello.handler (nodejs), module.func (python), a class (jvm)")
    String entrypoint;

    @Option(names = {"--pkgname", "--pkg"}, paramLabel = "PACKAGE",
            description = "An existing package in the function's namespace (then --code, --deploy and --src are not used)")
    String packageName;

    @Option(names = "--executortype", paramLabel = "TYPE", description = "Executor type: poolmgr or newdeploy (default: poolmgr)")
    String executorType;

    @Option(names = "--minscale", paramLabel = "N", description = "Minimum number of instances (newdeploy; default: 1)")
    Integer minScale;

    @Option(names = "--maxscale", paramLabel = "N", description = "Maximum number of instances (newdeploy; default: minscale)")
    Integer maxScale;

    @Option(names = "--targetcpu", paramLabel = "PERCENT", description = "Target average CPU usage across instances, for scaling (newdeploy)")
    Integer targetCpu;

    @Option(names = {"--concurrency", "--con"}, paramLabel = "N",
            description = "Maximum number of instances specialized at once (poolmgr; default: 500)")
    Integer concurrency;

    @Option(names = {"--requestsperpod", "--rpp"}, paramLabel = "N",
            description = "Maximum concurrent requests one instance serves (poolmgr; default: 1)")
    Integer requestsPerPod;

    @Option(names = {"--onceonly", "--yolo"}, arity = "0..1", paramLabel = "true|false",
            description = "Each instance serves exactly one request (poolmgr)")
    Boolean onceOnly;

    @Option(names = {"--specializationtimeout", "--st"}, paramLabel = "SECONDS",
            description = "Time to wait for an instance to be specialized, at least 120 (default: 120)")
    Integer specializationTimeout;

    @Option(names = "--retainpods", paramLabel = "N", description = "Number of instances to retain after specialization (default: 0)")
    Integer retainPods;

    @Mixin
    InvocationFlags invocation;

    @Mixin
    ResourceOptions resources;

    @Mixin
    LabelOptions labels;

    /** The values Fission's {@code fn create} writes into every function. */
    void applyDefaults(Function fn) {
        fn.spec().functionTimeout(FunctionSpec.DEFAULT_FUNCTION_TIMEOUT)
                .idleTimeout(FunctionSpec.DEFAULT_IDLE_TIMEOUT)
                .concurrency(FunctionSpec.DEFAULT_CONCURRENCY)
                .requestsPerPod(FunctionSpec.DEFAULT_REQUESTS_PER_POD);
    }

    /** Sets the fields whose flags were given (environment and package are the commands' own business). */
    void applyTo(Function fn, boolean creating, Session session) {
        FunctionSpec spec = fn.spec();
        if (environmentNames.size() > 1) {
            throw new CliException("--env names the environment once (given: " + String.join(", ", environmentNames)
                    + "); environment variables are given as KEY=VALUE");
        }
        if (!variables.isEmpty()) spec.env(withVariables(spec.env(), variables));
        if (entrypoint != null) {
            spec.packageRef(spec.packageRef() == null ? new FunctionPackageRef() : spec.packageRef());
            spec.packageRef().functionName(entrypoint);
        }
        if (concurrency != null) spec.concurrency(concurrency);
        if (requestsPerPod != null) spec.requestsPerPod(requestsPerPod);
        if (onceOnly != null) spec.onceOnly(onceOnly);
        if (retainPods != null) spec.retainPods(retainPods);
        invocation.applyTo(spec, fn.metadata().namespace());
        spec.resources(resources.applyTo(spec.resources()));
        labels.applyTo(fn.metadata());
        if (creating || executorType != null || minScale != null || maxScale != null || targetCpu != null || specializationTimeout != null) {
            applyStrategy(spec, creating);
        }
        warnAboutPoolOnlyFlags(spec, session);
    }

    boolean environmentGiven() {
        return environment != null && !environment.isBlank();
    }

    /** How instances run and scale, by Fission's rules: scale flags need newdeploy, specialization takes at least 120 s. */
    private void applyStrategy(FunctionSpec spec, boolean creating) {
        ExecutionStrategy existing = spec.executionStrategy();
        String oldType = existing.effectiveExecutorType();
        String type = executorType != null ? executorType : (creating ? ExecutionStrategy.POOLMGR : oldType);
        if (!type.equals(ExecutionStrategy.POOLMGR) && !type.equals(ExecutionStrategy.NEWDEPLOY)) {
            throw new CliException("--executortype must be poolmgr or newdeploy, not \"" + type + "\"");
        }
        int timeout = specializationTimeout != null ? specializationTimeout
                : Math.max(existing.effectiveSpecializationTimeout(), ExecutionStrategy.DEFAULT_SPECIALIZATION_TIMEOUT);
        if (timeout < ExecutionStrategy.DEFAULT_SPECIALIZATION_TIMEOUT) {
            throw new CliException("--specializationtimeout must be at least " + ExecutionStrategy.DEFAULT_SPECIALIZATION_TIMEOUT + " seconds");
        }
        ExecutionStrategy strategy = new ExecutionStrategy().executorType(type).specializationTimeout(timeout);
        if (type.equals(ExecutionStrategy.POOLMGR)) {
            if (minScale != null || maxScale != null || targetCpu != null) {
                throw new CliException("--minscale, --maxscale and --targetcpu need --executortype newdeploy");
            }
        } else {
            boolean sameType = !creating && type.equals(oldType);
            int min = minScale != null ? minScale : sameType && existing.minScale() != null ? existing.minScale() : DEFAULT_MIN_SCALE;
            Integer max = maxScale != null ? maxScale : sameType ? existing.maxScale() : Integer.valueOf(min);
            if (maxScale != null && maxScale <= 0) throw new CliException("--maxscale must be greater than 0");
            if (max == null || max <= 0) max = Math.max(min, 1);
            if (min > max) throw new CliException("--minscale (" + min + ") cannot be greater than --maxscale (" + max + ")");
            strategy.minScale(min).maxScale(max);
            Integer cpu = targetCpu != null ? targetCpu : sameType ? existing.targetCPUPercent() : null;
            if (cpu != null && (cpu <= 0 || cpu > 100)) throw new CliException("--targetcpu must be between 1 and 100");
            strategy.targetCPUPercent(cpu);
        }
        spec.invokeStrategy(new InvokeStrategy().executionStrategy(strategy).strategyType(InvokeStrategy.EXECUTION));
    }

    private void warnAboutPoolOnlyFlags(FunctionSpec spec, Session session) {
        if (ExecutionStrategy.POOLMGR.equals(spec.effectiveExecutorType())) return;
        if (concurrency != null) session.warn("--concurrency only applies to executor type poolmgr");
        if (requestsPerPod != null) session.warn("--requestsperpod only applies to executor type poolmgr");
        if (onceOnly != null) session.warn("--onceonly only applies to executor type poolmgr");
    }

    /** The variables as they were, each given one set (replaced in place, or added at the end). */
    static List<EnvVar> withVariables(List<EnvVar> existing, Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (existing != null) existing.forEach(v -> merged.put(v.name(), v.value()));
        merged.putAll(variables);
        List<EnvVar> env = new ArrayList<>();
        merged.forEach((name, value) -> env.add(EnvVar.of(name, value)));
        return env;
    }
}
