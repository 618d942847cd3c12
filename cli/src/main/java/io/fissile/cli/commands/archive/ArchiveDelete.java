package io.fissile.cli.commands.archive;

import io.fissile.cli.commands.FissileCommand;
import io.fissile.client.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive delete --id ID}: refused by the controller while a package refers to it. */
@Command(name = "delete", description = "Delete an archive")
public final class ArchiveDelete extends FissileCommand {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Id of the archive")
    String id;

    @Override
    protected void run() {
        try {
            session().client().deleteArchive(id);
        } catch (ApiException e) {
            throw ArchiveCommands.explained(e, id);
        }
        session().out().println("archive '" + id + "' deleted");
    }
}
