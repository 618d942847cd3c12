package io.fissile.cli.commands.httptrigger;

import io.fissile.api.v1.HTTPTrigger;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code route update --name N [flags to change]}. */
@Command(name = "update", description = "Update an HTTP trigger")
public final class RouteUpdate extends FissileCommand {
    @Mixin
    RequiredName name;

    @Mixin
    RouteFlags flags;

    @Override
    protected void run() {
        HTTPTrigger trigger = Resources.require(session(), RouteCommands.TYPE, name.name());
        flags.applyTo(trigger.spec());
        RouteFlags.FIELDS.check(trigger);
        Resources.update(session(), RouteCommands.TYPE, trigger);
    }
}
