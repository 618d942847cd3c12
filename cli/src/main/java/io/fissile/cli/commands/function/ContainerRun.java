package io.fissile.cli.commands.function;

import io.fissile.api.v1.Function;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import io.fissile.cli.options.SpecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code fn run-container --name N --command C --port P}: a function of executor type container,
 * a program of the user's that serves HTTP itself (in Kubernetes, an image).
 */
@Command(name = "run-container", aliases = "runc", description = "Run a program (locally) or a container image (Kubernetes) that serves HTTP as a function")
public final class ContainerRun extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    ContainerFlags flags;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        Session session = session();
        if (!specOptions.active() && Resources.find(session, Kinds.FUNCTION, session.namespace(), name.name()).isPresent()) {
            throw new CliException(FunctionCommands.TYPE.named(name.name()) + " already exists in namespace '" + session.namespace() + "'");
        }
        Function fn = flags.newFunction(specOptions.namespace(session), name.name());
        Resources.createOrSave(session, specOptions, FunctionCommands.TYPE, ContainerFlags.FIELDS, fn);
    }
}
