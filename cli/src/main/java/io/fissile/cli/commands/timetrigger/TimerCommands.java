package io.fissile.cli.commands.timetrigger;

import io.fissile.api.v1.Kinds;
import io.fissile.api.v1.TimeTrigger;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.resource.DeleteResource;
import io.fissile.cli.commands.resource.GetResource;
import io.fissile.cli.commands.resource.ListResources;
import io.fissile.cli.commands.resource.ResourceType;
import io.fissile.cli.output.Column;
import picocli.CommandLine;

import java.util.List;

/** {@code fissile timetrigger} (aliases {@code tt}, {@code timer}). */
public final class TimerCommands {
    public static final ResourceType<TimeTrigger> TYPE = new ResourceType<>(Kinds.TIME_TRIGGER, "trigger", "time triggers", "timetrigger",
            List.of(Column.of("NAME", TimeTrigger::name),
                    Column.of("CRON", t -> t.spec().cron()),
                    Column.of("FUNCTION_NAME", t -> t.spec().functionRef() == null ? null : t.spec().functionRef().name()),
                    Column.of("METHOD", t -> t.spec().method()),
                    Column.of("SUBPATH", t -> t.spec().subpath())));

    private TimerCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("timetrigger", new String[]{"tt", "timer"}, "Create, update and manage time triggers",
                new TimerCreate(),
                GetResource.command(TYPE),
                new TimerUpdate(),
                DeleteResource.command(TYPE),
                ListResources.command(TYPE),
                new ShowSchedule());
    }
}
