package io.fissile.cli.commands;

import picocli.CommandLine;

/** Builds subcommands whose description depends on the kind they serve. */
public final class CommandLines {
    private CommandLines() {
    }

    public static CommandLine described(Object command, String description) {
        CommandLine line = new CommandLine(command);
        line.getCommandSpec().usageMessage().description(description);
        return line;
    }

    /** "a function", "an environment". */
    public static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
