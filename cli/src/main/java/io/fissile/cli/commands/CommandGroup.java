package io.fissile.cli.commands;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** A command that only holds others ({@code fissile fn}); run alone, it shows its usage. */
public final class CommandGroup implements Callable<Integer> {
    private CommandSpec spec;

    private CommandGroup() {
    }

    /** A group with Fission's name and aliases, holding the given commands in this order. */
    public static CommandLine of(String name, String[] aliases, String description, Object... commands) {
        CommandGroup group = new CommandGroup();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(group).name(name).aliases(aliases);
        spec.usageMessage().description(description).synopsisSubcommandLabel("COMMAND");
        spec.addMixin(GlobalOptions.MIXIN, CommandSpec.forAnnotatedObject(new GlobalOptions()));
        group.spec = spec;
        CommandLine line = new CommandLine(spec);
        for (Object command : commands) {
            if (command instanceof CommandLine sub) line.addSubcommand(sub);
            else line.addSubcommand(command);
        }
        return line;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
