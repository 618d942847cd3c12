package io.fissile.cli.commands.watch;

import io.fissile.api.LabelSelector;
import io.fissile.api.v1.KubernetesWatchTriggerSpec;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.options.FunctionOption;
import io.fissile.cli.options.KeyValues;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** The flags {@code watch create} and {@code watch update} share. */
public final class WatchFlags {
    static final FieldFlags FIELDS = FieldFlags.of(
            "spec.functionref", "--function",
            "spec.type", "--type",
            "spec.namespace", "--ns",
            "spec.labelselector", "--labels");

    static final String DEFAULT_TYPE = "pod";

    @Mixin
    FunctionOption function;

    @Option(names = "--type", paramLabel = "TYPE", description = "Type of object to watch: pod, service, replicationcontroller or job (default: pod)")
    String type;

    @Option(names = "--ns", paramLabel = "NAMESPACE", description = "Namespace of the objects to watch (default: the trigger's namespace)")
    String watchedNamespace;

    @Option(names = "--labels", paramLabel = "KEY=VALUE,...", description = "Label selector of the objects to watch, e.g. app=web,tier=front")
    String labels;

    boolean anyGiven() {
        return function.given() || type != null || watchedNamespace != null || labels != null;
    }

    void applyTo(KubernetesWatchTriggerSpec spec) {
        if (function.given()) spec.functionRef(function.reference());
        if (type != null) spec.type(type);
        if (watchedNamespace != null) spec.namespace(watchedNamespace);
        if (labels != null) {
            try {
                LabelSelector.parse(labels);
            } catch (IllegalArgumentException e) {
                throw new CliException("--labels: " + e.getMessage());
            }
            spec.labelSelector(labels.isBlank() ? null : KeyValues.parse("--labels", List.of(labels.split(","))));
        }
    }
}
