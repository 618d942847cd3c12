package io.fissile.cli.commands.function;

import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fn update-container --name N [flags to change]}: changes a function of executor type container. */
@Command(name = "update-container", aliases = "updatec", description = "Update a function that runs a program or container image")
public final class ContainerUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    ContainerFlags flags;

    @Override
    protected void run() {
        Session session = session();
        Function fn = Resources.require(session, FunctionCommands.TYPE, name.name());
        if (!ExecutionStrategy.CONTAINER.equals(fn.spec().effectiveExecutorType())) {
            throw new CliException(FunctionCommands.TYPE.named(fn.name()) + " has executor type " + fn.spec().effectiveExecutorType()
                    + ", not container; use fn update");
        }
        flags.applyTo(fn, false);
        ContainerFlags.FIELDS.check(fn);
        Resources.update(session, FunctionCommands.TYPE, fn);
    }
}
