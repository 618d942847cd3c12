package io.fissile.cli.commands.archive;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.FissileCommand;
import io.fissile.client.ControllerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code archive upload FILE} (or {@code --name FILE}, as Fission spells it). */
@Command(name = "upload", description = "Upload an archive")
public final class ArchiveUpload extends FissileCommand {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to upload")
    String file;

    @Option(names = "--name", paramLabel = "FILE", description = "The file to upload (Fission's spelling)")
    String name;

    @Override
    protected void run() {
        if ((file == null) == (name == null)) throw new CliException("name one file to upload: archive upload FILE");
        Path path = session().path(file != null ? file : name);
        if (!Files.isRegularFile(path)) throw new CliException("no such file: " + path);
        ControllerClient.ArchiveRef archive = session().client().uploadArchive(path);
        session().out().println("File successfully uploaded with ID: " + archive.id());
        session().out().println("URL: " + ArchiveCommands.url(session(), archive.id()));
    }
}
