package io.fissile.cli.commands.resource;

import io.fissile.api.Resource;
import io.fissile.cli.commands.CommandLines;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.options.OutputOption;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code get --name N [-o yaml|json]}: one object, as a table row or whole. */
@Command(name = "get")
public class GetResource<R extends Resource<?, ?>> extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    OutputOption output;

    private final ResourceType<R> type;

    public GetResource(ResourceType<R> type) {
        this.type = type;
    }

    /** The command, described in the kind's own words. */
    public static CommandLine command(ResourceType<?> type) {
        return CommandLines.described(new GetResource<>(type), "Get " + type.noun() + " details");
    }

    @Override
    protected void run() {
        Resources.showOne(session(), type, Resources.require(session(), type, name.name()), output.format());
    }
}
