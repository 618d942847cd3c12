package io.fissile.cli.commands.httptrigger;

import io.fissile.api.v1.HTTPTrigger;
import io.fissile.cli.commands.resource.ListResources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code route list [--function F] [-A]}. */
@Command(name = "list", description = "List HTTP triggers")
public final class RouteList extends ListResources<HTTPTrigger> {
    @Option(names = "--function", paramLabel = "FUNCTION", description = "Only the triggers of this function")
    String function;

    public RouteList() {
        super(RouteCommands.TYPE);
    }

    @Override
    protected List<HTTPTrigger> select(List<HTTPTrigger> triggers) {
        return function == null ? triggers : triggers.stream().filter(t -> Routes.calls(t, function)).toList();
    }
}
