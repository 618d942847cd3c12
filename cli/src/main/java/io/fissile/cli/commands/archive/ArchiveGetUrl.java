package io.fissile.cli.commands.archive;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive get-url --id ID}. */
@Command(name = "get-url", description = "Get URL of an uploaded archive")
public final class ArchiveGetUrl extends FissileCommand {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Id of the archive")
    String id;

    @Override
    protected void run() {
        boolean stored = session().client().listArchives().stream().anyMatch(a -> a.id().equals(id));
        if (!stored) throw new CliException("archive '" + id + "' not found");
        session().out().println("URL: " + ArchiveCommands.url(session(), id));
    }
}
