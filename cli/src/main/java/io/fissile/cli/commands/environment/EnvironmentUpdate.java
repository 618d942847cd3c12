package io.fissile.cli.commands.environment;

import io.fissile.api.v1.Environment;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code env update --name N [flags to change]}. */
@Command(name = "update", description = "Update an environment")
public final class EnvironmentUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    EnvironmentFlags flags;

    @Override
    protected void run() {
        Environment env = Resources.require(session(), EnvironmentCommands.TYPE, name.name());
        flags.applyTo(env);
        EnvironmentFlags.FIELDS.check(env);
        Resources.update(session(), EnvironmentCommands.TYPE, env);
    }
}
