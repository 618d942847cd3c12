package io.fissile.cli;

import io.fissile.cli.commands.RootCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree other modules build on: the server module adds {@code server}, the spec module {@code spec}. */
class CommandTreeTest {
    @TempDir
    Path dir;

    /** A command as another module writes it, with its own -n and -h, asking the root for the controller's address. */
    @Command(name = "server")
    static final class ForeignCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-n", "--namespace"}, defaultValue = "elsewhere")
        String namespace;

        @Option(names = {"-h", "--help"}, usageHelp = true)
        boolean help;

        @Override
        public Integer call() {
            RootCommand root = (RootCommand) spec.root().userObject();
            spec.commandLine().getOut().println(namespace + " " + root.controllerClient().baseUri());
            return 0;
        }
    }

    @Test
    void aCommandOfAnotherModuleWithItsOwnOptionsJoinsTheTree() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine fissile = FissileCli.commandLine(new CliContext(Map.of(), dir, out, new ByteArrayOutputStream()));
        CommandLine server = new CommandLine(new ForeignCommand());
        server.setOut(fissile.getOut());
        fissile.addSubcommand(server);

        int exitCode = fissile.execute("--server", "http://10.0.0.1:9999", "server", "-n", "mine");

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("mine http://10.0.0.1:9999\n");
    }

    @Test
    void everyCommandHasFissionsNameAndAliases() {
        CommandLine fissile = FissileCli.commandLine(new CliContext(Map.of(), dir, new ByteArrayOutputStream(), new ByteArrayOutputStream()));
        Map<String, CommandLine> commands = fissile.getSubcommands();

        assertThat(aliases(commands, "environment")).containsExactly("env");
        assertThat(aliases(commands, "function")).containsExactly("fn");
        assertThat(aliases(commands, "package")).containsExactly("pkg");
        assertThat(aliases(commands, "httptrigger")).containsExactly("ht", "route");
        assertThat(aliases(commands, "timetrigger")).containsExactly("tt", "timer");
        assertThat(aliases(commands, "mqtrigger")).containsExactly("mqt", "messagequeue");
        assertThat(aliases(commands, "watch")).containsExactly("w");
        assertThat(aliases(commands, "canary")).containsExactly("canaryconfig", "canary-config");
        assertThat(aliases(commands, "archive")).containsExactly("ar");

        assertThat(verbs(commands, "environment")).containsExactly("create", "get", "update", "delete", "list");
        assertThat(verbs(commands, "function")).containsExactly("create", "get", "getmeta", "update", "delete", "list", "log", "test",
                "run-container", "update-container");
        assertThat(verbs(commands, "package")).containsExactly("create", "get", "getsrc", "getdeploy", "update", "rebuild", "delete", "list", "info");
        assertThat(verbs(commands, "timetrigger")).containsExactly("create", "get", "update", "delete", "list", "showschedule");
        assertThat(verbs(commands, "archive")).containsExactly("upload", "list", "delete", "get-url", "download");
    }

    private static List<String> aliases(Map<String, CommandLine> commands, String name) {
        return List.of(commands.get(name).getCommandSpec().aliases());
    }

    private static List<String> verbs(Map<String, CommandLine> commands, String name) {
        return commands.get(name).getCommandSpec().subcommands().entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue().getCommandName()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
