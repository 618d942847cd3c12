package io.fissile.cli.commands.httptrigger;

import io.fissile.api.v1.HTTPTrigger;
import io.fissile.api.v1.Kinds;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.OptionalName;
import io.fissile.cli.options.SpecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;

/** {@code route create --function F (--url U | --prefix P) [...]}. */
@Command(name = "create", description = "Create an HTTP trigger")
public final class RouteCreate extends FissileCommand {
    @Mixin
    OptionalName name;

    @Mixin
    RouteFlags flags;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        if (!flags.functionsGiven()) throw new CliException("need a function name to create a trigger, use --function");
        if (blank(flags.url) && blank(flags.prefix)) throw new CliException("need --url or --prefix");
        if (!blank(flags.url) && !blank(flags.prefix)) session().warn("--prefix takes precedence over --url");
        HTTPTrigger trigger = Kinds.HTTP_TRIGGER.create(specOptions.namespace(session()), name.nameOrGenerated());
        trigger.spec().methods(List.of("GET"));
        flags.applyTo(trigger.spec());
        Resources.createOrSave(session(), specOptions, RouteCommands.TYPE, RouteFlags.FIELDS, trigger);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
