package io.fissile.cli.commands.watch;

import io.fissile.api.v1.KubernetesWatchTrigger;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code watch update --name N [flags to change]}; Fission has no such command, Fissile adds it for symmetry. */
@Command(name = "update", description = "Update a kube watcher")
public final class WatchUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    WatchFlags flags;

    @Override
    protected void run() {
        if (!flags.anyGiven()) throw new CliException("nothing to update; use --function, --type, --ns or --labels");
        KubernetesWatchTrigger watch = Resources.require(session(), WatchCommands.TYPE, name.name());
        flags.applyTo(watch.spec());
        WatchFlags.FIELDS.check(watch);
        Resources.update(session(), WatchCommands.TYPE, watch);
    }
}
