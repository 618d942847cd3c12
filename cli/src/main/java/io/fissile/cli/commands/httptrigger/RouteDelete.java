package io.fissile.cli.commands.httptrigger;

import io.fissile.api.v1.HTTPTrigger;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code route delete --name N | --function F}: one trigger, or every trigger of a function. */
@Command(name = "delete", description = "Delete an HTTP trigger, or all triggers of a function")
public final class RouteDelete extends FissileCommand {
    @Option(names = "--name", paramLabel = "NAME", description = "HTTP trigger name")
    String name;

    @Option(names = "--function", paramLabel = "FUNCTION", description = "Delete every HTTP trigger of this function")
    String function;

    @Option(names = "--ignorenotfound", description = "Treat \"not found\" as a successful delete")
    boolean ignoreNotFound;

    @Override
    protected void run() {
        if ((name == null) == (function == null)) throw new CliException("need either --name or --function, not both");
        if (name != null) {
            Resources.delete(session(), RouteCommands.TYPE, name, ignoreNotFound);
            return;
        }
        List<HTTPTrigger> triggers = Resources.list(session(), RouteCommands.TYPE.kind(), false).stream()
                .filter(t -> Routes.calls(t, function))
                .toList();
        for (HTTPTrigger trigger : triggers) {
            Resources.delete(session(), RouteCommands.TYPE, trigger.name(), true);
        }
    }
}
