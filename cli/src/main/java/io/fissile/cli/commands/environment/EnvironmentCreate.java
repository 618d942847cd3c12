package io.fissile.cli.commands.environment;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import io.fissile.cli.options.SpecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code env create --name N --image I [...]}. */
@Command(name = "create", description = "Create an environment")
public final class EnvironmentCreate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    EnvironmentFlags flags;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        Environment env = Kinds.ENVIRONMENT.create(specOptions.namespace(session()), name.name());
        flags.applyDefaults(env);
        flags.applyTo(env);
        Resources.createOrSave(session(), specOptions, EnvironmentCommands.TYPE, EnvironmentFlags.FIELDS, env);
    }
}
