package io.fissile.cli.commands.archive;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.CommandGroup;
import io.fissile.cli.commands.Session;
import io.fissile.client.ApiException;
import picocli.CommandLine;

/** {@code fissile archive} (alias {@code ar}): the archives stored on the controller. */
public final class ArchiveCommands {
    private ArchiveCommands() {
    }

    public static CommandLine commandLine() {
        return CommandGroup.of("archive", new String[]{"ar"}, "Manage archives stored on the Fissile controller",
                new ArchiveUpload(),
                new ArchiveList(),
                new ArchiveDelete(),
                new ArchiveGetUrl(),
                new ArchiveDownload());
    }

    /** Where an archive can be downloaded from. */
    static String url(Session session, String id) {
        return session.client().baseUri() + "/v2/archives/" + id;
    }

    /** The server's "not found" said about the archive the user named. */
    static RuntimeException explained(ApiException e, String id) {
        return e.isNotFound() ? new CliException("archive '" + id + "' not found") : e;
    }
}
