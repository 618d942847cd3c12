package io.fissile.cli.commands.timetrigger;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.OptionalName;
import io.fissile.cli.options.SpecOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tt create --function F --cron S [--name N] [--method M] [--subpath P]}. */
@Command(name = "create", description = "Create a time trigger")
public final class TimerCreate extends FissileCommand {
    @Mixin
    OptionalName name;

    @Mixin
    TimerFlags flags;

    @Mixin
    SpecOptions specOptions;

    @Override
    protected void run() {
        if (!flags.function.given()) throw new CliException("need a function name to create a trigger, use --function");
        if (flags.cron == null) throw new CliException("need a cron spec like '30 * * * *', '@every 1h30m', or '@hourly'; use --cron");
        TimeTrigger trigger = Kinds.TIME_TRIGGER.create(specOptions.namespace(session()), name.nameOrGenerated());
        flags.applyTo(trigger.spec());
        Resources.createOrSave(session(), specOptions, TimerCommands.TYPE, TimerFlags.FIELDS, trigger);
        if (!specOptions.active()) Schedule.print(session().out(), trigger.spec().cron(), 1);
    }
}
