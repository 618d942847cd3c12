package io.fissile.server;

import io.fissile.cli.FissileCli;
import io.fissile.server.command.ServerCommand;
import picocli.CommandLine;

/** The {@code fissile} program: the CLI, plus {@code fissile server}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine fissile = FissileCli.commandLine();
        fissile.addSubcommand("server", new ServerCommand());
        System.exit(fissile.execute(args));
    }
}
