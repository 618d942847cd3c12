package io.fissile.cli.commands.resource;

import io.fissile.api.Resource;
import io.fissile.cli.commands.CommandLines;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.options.OutputOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code list [-A] [-o yaml|json]}: the objects of a kind in a namespace, or in all of them. */
@Command(name = "list")
public class ListResources<R extends Resource<?, ?>> extends FissileCommand {
    @Option(names = {"-A", "--all-namespaces"}, description = "List the objects of all namespaces")
    boolean allNamespaces;

    @Mixin
    OutputOption output;

    private final ResourceType<R> type;

    public ListResources(ResourceType<R> type) {
        this.type = type;
    }

    public static CommandLine command(ResourceType<?> type) {
        return CommandLines.described(new ListResources<>(type), "List " + type.plural());
    }

    /** The objects to show; kinds with filters (--function, --orphan) narrow them. */
    protected List<R> select(List<R> items) {
        return items;
    }

    @Override
    protected void run() {
        Resources.show(session(), type, select(Resources.list(session(), type.kind(), allNamespaces)), output.format());
    }
}
