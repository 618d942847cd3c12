package io.fissile.spec;

import io.fissile.client.ControllerClient;
import io.fissile.spec.internal.cli.ApplyCommand;
import io.fissile.spec.internal.cli.DestroyCommand;
import io.fissile.spec.internal.cli.InitCommand;
import io.fissile.spec.internal.cli.ListCommand;
import io.fissile.spec.internal.cli.ValidateCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code spec}: Fission's spec workflow ({@code init}, {@code validate}, {@code apply},
 * {@code destroy}, {@code list}) with Fission's flags. Output goes to the command line's out and
 * err writers; exit code 0 on success, 1 on failure.
 *
 * <p>Register it with an instance, so that it gets the client:
 * {@code cli.addSubcommand(new SpecCommand(clientSupplier))}.
 */
@Command(name = "spec", aliases = "specs",
        description = "Manage a declarative application specification: a directory of Fission spec files",
        subcommands = {InitCommand.class, ValidateCommand.class, ApplyCommand.class, DestroyCommand.class, ListCommand.class})
public final class SpecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help")
    boolean help;

    private final Supplier<ControllerClient> clients;
    private ControllerClient client;

    /** @param clients gives the client of the controller to use, asked only when a subcommand needs the server */
    public SpecCommand(Supplier<ControllerClient> clients) {
        this.clients = Objects.requireNonNull(clients);
    }

    /** The controller client, created on first use. */
    public synchronized ControllerClient client() {
        if (client == null) client = clients.get();
        return client;
    }

    /** Without a subcommand: the usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
