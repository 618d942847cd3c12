package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Archive;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bytes of a package archive, whether literal or stored on the controller. */
public final class ArchiveContent {
    private ArchiveContent() {
    }

    /**
     * Copies an archive into a new temporary file, which the caller deletes. A downloaded archive is
     * checked against its SHA-256 on the way.
     */
    public static Path fetch(Session session, Archive archive, String what) {
        if (archive == null || archive.isEmpty()) throw new CliException(what + " is empty");
        try {
            Path file = Files.createTempFile("fissile-archive-", ".bin");
            if (archive.literal() != null && archive.literal().length > 0) {
                Files.write(file, archive.literal());
            } else if (archive.url().startsWith(CodeArchives.SPEC_ARCHIVE_PREFIX)) {
                Files.deleteIfExists(file);
                throw new CliException(what + " refers to " + archive.url() + ", which only spec apply can resolve");
            } else {
                session.client().downloadArchive(archive.url(), file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
