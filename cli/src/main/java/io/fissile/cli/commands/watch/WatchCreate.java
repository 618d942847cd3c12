package io.fissile.cli.commands.watch;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.OptionalName;
import io.fissile.cli.options.SpecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code watch create --function F [--type T] [--ns NS] [--labels a=b] [--name N]}. */
@Command(name = "create", description = "Create a kube watcher")
public final class WatchCreate extends FissileCommand {
    @Mixin
    OptionalName name;

    @Mixin
    WatchFlags flags;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        if (!flags.function.given()) throw new CliException("need a function name to create a watch, use --function");
        String namespace = specOptions.namespace(session());
        KubernetesWatchTrigger watch = Kinds.KUBERNETES_WATCH_TRIGGER.create(namespace, name.nameOrGenerated());
        // The watched namespace defaults to the trigger's own (left out of a spec file without -n, so that
        // it follows the trigger wherever the spec is applied): a trigger may not watch another namespace.
        watch.spec().type(WatchFlags.DEFAULT_TYPE).namespace(namespace);
        flags.applyTo(watch.spec());
        Resources.createOrSave(session(), specOptions, WatchCommands.TYPE, WatchFlags.FIELDS, watch);
    }
}
