package io.fissile.cli.commands.timetrigger;

import io.fissile.api.v1.TimeTrigger;
import io.fissile.client.ApiException;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.cli.commands.resource.Resources;
import io.fissile.cli.options.RequiredName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tt update --name N [--cron S] [--function F] [--method M] [--subpath P]}. */
@Command(name = "update", description = "Update a time trigger")
public final class TimerUpdate extends FissileCommand {
    private static final int CONFLICT_ATTEMPTS = 5;

    @Mixin
    RequiredName name;

    @Mixin
    TimerFlags flags;

    @Override
    protected void run() {
        if (!flags.anyGiven()) throw new CliException("nothing to update; use --cron, --function, --method or --subpath");
        for (int attempt = 1; ; attempt++) {
            TimeTrigger trigger = Resources.require(session(), TimerCommands.TYPE, name.name());
            flags.applyTo(trigger.spec());
            TimerFlags.FIELDS.check(trigger);
            try {
                Resources.update(session(), TimerCommands.TYPE, trigger);
                Schedule.print(session().out(), trigger.spec().cron(), 1);
                return;
            } catch (ApiException e) {
                // A running timer records each firing in the trigger's status, which changes its resource
                // version: read it again and reapply the flags rather than fail.
                if (!"Conflict".equals(e.reason()) || attempt == CONFLICT_ATTEMPTS) throw e;
            }
        }
    }
}
