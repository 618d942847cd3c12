package io.fissile.runtime.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Package archives on disk, for every part that unpacks or makes one (the executor for deployments,
 * the builder for sources and build output): safe unpacking and zipping of directory trees.
 */
public final class PackageArchives {

    private PackageArchives() {
    }

    /** True when the file starts like a zip (a local entry, or an empty zip's end record). */
    public static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K'
                    && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
        }
    }

    /**
     * Unpacks a zip into {@code directory} (created if need be), keeping Unix permissions and links.
     *
     * @param maxBytes the most bytes the unpacked files may hold together, 0 or less for no limit
     * @throws InvalidArchiveException naming the entry, for an entry that would be written outside the
     *                                 directory, a link that leads outside it or nowhere, or the entry that
     *                                 passes the size limit; the directory is then left partly written
     */
    public static void unpack(Path zip, Path directory, long maxBytes) throws IOException {
        new ZipUnpacker(maxBytes).unpack(zip, directory);
    }

    /**
     * Zips everything under {@code directory} into {@code target}, as {@link #unpack} restores it:
     * permissions, symbolic links and empty directories kept, entries in name order.
     *
     * @param maxBytes the most bytes the zip may hold, 0 or less for no limit
     * @throws InvalidArchiveException naming the file, for a link that leads outside the directory or
     *                                 nowhere, a file that is no regular file, directory or link, or the
     *                                 file that takes the zip over the size limit
     */
    public static void zip(Path directory, Path target, long maxBytes) throws IOException {
        new ZipTreeWriter(maxBytes).write(directory, target);
    }
}
