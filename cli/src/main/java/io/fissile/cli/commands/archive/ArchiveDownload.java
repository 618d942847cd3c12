package io.fissile.cli.commands.archive;

import io.fissile.cli.commands.FissileCommand;
import io.fissile.client.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code archive download --id ID [--output FILE]}: the bytes are checked against the archive's SHA-256. */
@Command(name = "download", description = "Download an archive")
public final class ArchiveDownload extends FissileCommand {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Id of the archive")
    String id;

    @Option(names = {"--output", "-o"}, paramLabel = "FILE", description = "File to save the archive to (default: its id)")
    String output;

    @Override
    protected void run() {
        Path target = session().path(output == null || output.isBlank() ? id : output);
        try {
            session().client().downloadArchive(id, target);
        } catch (ApiException e) {
            throw ArchiveCommands.explained(e, id);
        }
        session().out().println("File download complete. File name: " + session().workingDirectory().relativize(target));
    }
}
