package io.fissile.cli;

import io.fissile.cli.commands.ErrorReporter;
import io.fissile.cli.commands.RootCommand;
import io.fissile.cli.commands.VersionCommand;
import io.fissile.cli.commands.archive.ArchiveCommands;
import io.fissile.cli.commands.canary.CanaryCommands;
import io.fissile.cli.commands.configmap.ConfigMapCommands;
import io.fissile.cli.commands.environment.EnvironmentCommands;
import io.fissile.cli.commands.function.FunctionCommands;
import io.fissile.cli.commands.httptrigger.RouteCommands;
import io.fissile.cli.commands.mqtrigger.MessageQueueTriggerCommands;
import io.fissile.cli.commands.pkg.PackageCommands;
import io.fissile.cli.commands.secret.SecretCommands;
import io.fissile.cli.commands.timetrigger.TimerCommands;
import io.fissile.cli.commands.watch.WatchCommands;
import io.fissile.spec.SpecCommand;
import picocli.CommandLine;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code fissile} command line. {@link #main} runs it; {@link #commandLine()} builds the whole
 * command tree so that a program above this module can add to it before running it, e.g. the server
 * module's {@code fissile server}:
 *
 * <pre>{@code
 * CommandLine fissile = FissileCli.commandLine();
 * fissile.addSubcommand("server", new ServerCommand());
 * System.exit(fissile.execute(args));
 * }</pre>
 *
 * Exit codes: 0 success, 1 the command failed (the server refused, a file is missing, ...),
 * 2 the command line itself is wrong (picocli's usage message is printed).
 */
public final class FissileCli {
    private FissileCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line in this process and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command tree, reading and writing this process's environment and streams. */
    public static CommandLine commandLine() {
        return commandLine(CliContext.system());
    }

    /** The command tree, run against the given environment, directory and streams. */
    public static CommandLine commandLine(CliContext context) {
        RootCommand rootCommand = new RootCommand(context);
        CommandLine root = new CommandLine(rootCommand);
        subcommands(rootCommand).forEach(root::addSubcommand);
        // Settings below reach every subcommand added so far, so they come after the tree is built.
        root.setOut(new PrintWriter(new OutputStreamWriter(context.stdout(), StandardCharsets.UTF_8), true));
        root.setErr(new PrintWriter(new OutputStreamWriter(context.stderr(), StandardCharsets.UTF_8), true));
        root.setExecutionExceptionHandler(new ErrorReporter());
        root.setCaseInsensitiveEnumValuesAllowed(true);
        return root;
    }

    /**
     * The commands under {@code fissile}, grouped and ordered as {@code fission --help} lists them.
     * The spec commands talk to the controller that {@code --server} or {@code FISSILE_URL} names.
     */
    private static List<CommandLine> subcommands(RootCommand root) {
        return List.of(
                // Basic commands
                EnvironmentCommands.commandLine(),
                PackageCommands.commandLine(),
                FunctionCommands.commandLine(),
                ArchiveCommands.commandLine(),
                // What functions read
                SecretCommands.commandLine(),
                ConfigMapCommands.commandLine(),
                // Trigger commands
                RouteCommands.commandLine(),
                MessageQueueTriggerCommands.commandLine(),
                TimerCommands.commandLine(),
                WatchCommands.commandLine(),
                // Deploy strategy commands
                CanaryCommands.commandLine(),
                // Declarative application commands
                new CommandLine(new SpecCommand(root::controllerClient)),
                // Other commands
                new CommandLine(new VersionCommand()));
    }
}
