package io.fissile.cli.commands.function;

import io.fissile.api.v1.Container;
import io.fissile.api.v1.ContainerPort;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.FunctionSpec;
import io.fissile.api.v1.InvokeStrategy;
import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.PodSpec;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.options.KeyValues;
import io.fissile.cli.options.LabelOptions;
import io.fissile.cli.options.ResourceOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flags {@code fn run-container} and {@code fn update-container} share, Fission's plus
 * {@code --command}. All are optional so that an update changes only what is given.
 */
public final class ContainerFlags {
    private static final String CONTAINER = "spec.podspec.containers[0]";
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.podspec", "--command or --image",
            CONTAINER + ".image", "--image",
            CONTAINER + ".command", "--command",
            CONTAINER + ".args", "--args",
            CONTAINER + ".ports", "--port",
            "spec.env", "--env",
            "spec.secrets", "--secret",
            "spec.configmaps", "--configmap",
            "spec.resources.requests.cpu", "--mincpu",
            "spec.resources.limits.cpu", "--maxcpu",
            "spec.resources.requests.memory", "--minmemory",
            "spec.resources.limits.memory", "--maxmemory",
            "spec.InvokeStrategy.ExecutionStrategy.MinScale", "--minscale",
            "spec.InvokeStrategy.ExecutionStrategy.MaxScale", "--maxscale",
            "spec.InvokeStrategy.ExecutionStrategy.TargetCPUPercent", "--targetcpu",
            "spec.functionTimeout", "--fntimeout",
            "spec.idletimeout", "--idletimeout");

    @Option(names = "--command", paramLabel = "COMMAND",
            description = {"The program to run and its first arguments, split at spaces (as Fission splits it).",
                    "It must serve HTTP on the port in $PORT (also given as --port); it runs with the function's package in /userfunc"})
    String command;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "The container image to run (Kubernetes mode; locally, --command is what runs)")
    String image;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The port the program serves HTTP on (default: " + ContainerPort.DEFAULT_PORT + ")")
    Integer port;

    @Option(names = "--args", paramLabel = "ARGS", description = "Arguments after the command, split at spaces")
    String args;

    @Option(names = {"--env", "--env-var", "-e"}, paramLabel = "KEY=VALUE",
            description = "An environment variable of the function's instances; repeat for several (update sets the ones given and keeps the others)")
    List<String> variables;

    @Option(names = "--minscale", paramLabel = "N", description = "Minimum number of instances (default: 1)")
    Integer minScale;

    @Option(names = "--maxscale", paramLabel = "N", description = "Maximum number of instances (default: minscale)")
    Integer maxScale;

    @Option(names = "--targetcpu", paramLabel = "PERCENT", description = "Target average CPU usage across instances, for scaling")
    Integer targetCpu;

    @Mixin
    InvocationFlags invocation;

    @Mixin
    ResourceOptions resources;

    @Mixin
    LabelOptions labels;

    /** A new container function: Fission's defaults, then the flags. */
    Function newFunction(String namespace, String name) {
        if (blank(command) && blank(image)) throw new CliException("need --command (the program to run) or --image");
        Function fn = Kinds.FUNCTION.create(namespace, name);
        fn.spec().functionTimeout(FunctionSpec.DEFAULT_FUNCTION_TIMEOUT).idleTimeout(FunctionSpec.DEFAULT_IDLE_TIMEOUT);
        Container container = new Container().name(name).ports(List.of(ContainerPort.http(ContainerPort.DEFAULT_PORT)));
        fn.spec().podSpec(PodSpec.of(container));
        applyTo(fn, true);
        return fn;
    }

    /** Sets the fields whose flags were given. */
    void applyTo(Function fn, boolean creating) {
        FunctionSpec spec = fn.spec();
        Container container = spec.podSpec() == null ? null : spec.podSpec().onlyContainer();
        if (container == null) {
            throw new CliException(FunctionCommands.TYPE.named(fn.name()) + " has no pod spec with exactly one container to update");
        }
        if (!blank(image)) container.image(image);
        if (!blank(command)) container.command(words(command));
        if (!blank(args)) container.args(words(args));
        if (port != null) container.ports(List.of(ContainerPort.http(port)));
        if (variables != null) spec.env(FunctionFlags.withVariables(spec.env(), KeyValues.parse("--env", variables)));
        invocation.applyTo(spec, fn.metadata().namespace());
        spec.resources(resources.applyTo(spec.resources()));
        labels.applyTo(fn.metadata());
        applyStrategy(spec, creating);
    }

    /** Dedicated instances between MinScale and MaxScale, as Fission's run-container writes them. */
    private void applyStrategy(FunctionSpec spec, boolean creating) {
        ExecutionStrategy existing = creating ? new ExecutionStrategy() : spec.executionStrategy();
        int min = minScale != null ? minScale : existing.minScale() != null ? existing.minScale() : FunctionFlags.DEFAULT_MIN_SCALE;
        if (maxScale != null && maxScale <= 0) throw new CliException("--maxscale must be greater than 0");
        Integer max = maxScale != null ? maxScale : existing.maxScale();
        if (max == null || max <= 0) max = Math.max(min, 1);
        if (min > max) throw new CliException("--minscale (" + min + ") cannot be greater than --maxscale (" + max + ")");
        if (targetCpu != null && (targetCpu <= 0 || targetCpu > 100)) throw new CliException("--targetcpu must be between 1 and 100");
        ExecutionStrategy strategy = new ExecutionStrategy().executorType(ExecutionStrategy.CONTAINER)
                .minScale(min).maxScale(max)
                .targetCPUPercent(targetCpu != null ? targetCpu : existing.targetCPUPercent())
                .specializationTimeout(Math.max(existing.effectiveSpecializationTimeout(), ExecutionStrategy.DEFAULT_SPECIALIZATION_TIMEOUT));
        spec.invokeStrategy(new InvokeStrategy().executionStrategy(strategy).strategyType(InvokeStrategy.EXECUTION));
    }

    private static List<String> words(String value) {
        return new ArrayList<>(Arrays.asList(value.trim().split("\\s+")));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
