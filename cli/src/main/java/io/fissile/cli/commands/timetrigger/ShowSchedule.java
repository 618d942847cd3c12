package io.fissile.cli.commands.timetrigger;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tt showschedule --cron S [--round N]}: when a schedule fires next. */
@Command(name = "showschedule", aliases = "show", description = "Show schedule for cron spec")
public final class ShowSchedule extends FissileCommand {
    @Option(names = "--cron", paramLabel = "SCHEDULE", description = "Schedule, e.g. '0 30 * * * *', '*/2 * * * *', '@every 1h30m' or '@hourly'")
    String cron;

    @Option(names = "--round", paramLabel = "N", defaultValue = "1", description = "Number of next invocation times to show (default: ${DEFAULT-VALUE})")
    int rounds;

    @Override
    protected void run() {
        if (cron == null) throw new CliException("need a cron spec like '0 30 * * * *', '*/2 * * * *', '@every 1h30m', or '@hourly'; use --cron");
        if (rounds < 1) throw new CliException("--round must be at least 1");
        Schedule.print(session().out(), cron, rounds);
    }
}
