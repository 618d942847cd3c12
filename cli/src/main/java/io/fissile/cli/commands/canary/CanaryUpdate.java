package io.fissile.cli.commands.canary;

import io.fissile.api.v1.CanaryConfig;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code canary update --name N [--increment-step S] [--increment-interval I] [--failure-threshold F]}. */
@Command(name = "update", description = "Update parameters of a canary config")
public final class CanaryUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    CanaryFlags flags;

    @Override
    protected void run() {
        if (!flags.anyGiven()) throw new CliException("nothing to update; use --increment-step, --increment-interval or --failure-threshold");
        CanaryConfig canary = Resources.require(session(), CanaryCommands.TYPE, name.name());
        flags.applyTo(canary.spec());
        CanaryFlags.FIELDS.check(canary);
        Resources.update(session(), CanaryCommands.TYPE, canary);
    }
}
