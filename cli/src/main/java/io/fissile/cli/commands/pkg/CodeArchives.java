package io.fissile.cli.commands.pkg;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.Session;
import io.fissile.cli.commands.resource.FieldFlags;
import io.fissile.cli.commands.resource.Names;
import io.fissile.client.Archives;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns the files of --code, --deploy and --src into a package archive. */
final class CodeArchives {
    /** What spec apply resolves {@code archive://name} against: the ArchiveUploadSpec of that name. */
    static final String SPEC_ARCHIVE_PREFIX = "archive://";
    private static final FieldFlags UPLOAD_FIELDS = FieldFlags.of("include", "--code, --deploy or --src");

    private CodeArchives() {
    }

    /** An archive for a spec file and the ArchiveUploadSpec that names its files. */
    record SpecArchive(ArchiveUploadSpec upload, Archive archive) {
    }

    /**
     * The archive on the server: the file itself when it is one zip (or {@code asIs}, for --code),
     * else the files zipped (a lone directory by its contents); literal when at most 256 KiB,
     * uploaded otherwise.
     */
    static Archive upload(Session session, List<String> given, boolean asIs) {
        List<Path> files = Globs.expand(session, given);
        Path zip = null;
        try {
            Path single = files.size() == 1 && Files.isRegularFile(files.get(0)) ? files.get(0) : null;
            Path file;
            if (single != null && (asIs || Archives.isZip(single))) {
                file = single;
            } else {
                zip = Files.createTempFile("fissile-archive-", ".zip");
                // As in Fission, a directory given alone is archived by its contents: its package.json
                // or requirements.txt must sit at the archive's root for the builder to find it.
                boolean lonelyDirectory = files.size() == 1 && Files.isDirectory(files.get(0));
                file = Archives.zip(files, lonelyDirectory ? files.get(0) : session.workingDirectory(), zip);
            }
            session.verbose("archive " + file + " (" + Files.size(file) + " bytes)");
            return Archives.forPackage(session.client(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the archive: " + e.getMessage(), e);
        } finally {
            TempFiles.delete(zip);
        }
    }

    /**
     * For a spec directory: an ArchiveUploadSpec with the files as globs relative to the working
     * directory (where spec apply runs), and the {@code archive://name} archive that refers to it.
     */
    static SpecArchive forSpec(Session session, List<String> given) {
        Globs.expand(session, given);
        List<String> include = given.stream().map(argument -> relativeGlob(session, argument)).toList();
        String name = Names.archiveFor(include.get(0));
        ArchiveUploadSpec upload = new ArchiveUploadSpec().name(name).include(include);
        UPLOAD_FIELDS.check(upload);
        return new SpecArchive(upload, Archive.ofUrl(SPEC_ARCHIVE_PREFIX + name, null));
    }

    private static String relativeGlob(Session session, String argument) {
        Path path = session.path(argument);
        if (!path.startsWith(session.workingDirectory())) {
            throw new CliException("\"" + argument + "\" is outside " + session.workingDirectory()
                    + "; files for a spec must be under the directory spec apply runs in");
        }
        return session.workingDirectory().relativize(path).toString().replace('\\', '/');
    }
}
