package io.fissile.client;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Checksum;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Turns local files into package archives, as Fission's CLI does for {@code --code}, {@code --deploy} and spec files. */
public final class Archives {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The earliest time a zip entry can hold, given to every entry. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Archives() {
    }

    /**
     * The archive for a package: the bytes themselves ({@code literal}) when they fit Fission's
     * 256 KiB limit, otherwise uploaded to the controller and referred to by URL and SHA-256.
     */
    public static Archive forPackage(ControllerClient client, Path file) {
        try {
            if (Files.size(file) <= Archive.LITERAL_SIZE_LIMIT) {
                return Archive.ofLiteral(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        ControllerClient.ArchiveRef uploaded = client.uploadArchive(file);
        return Archive.ofUrl(uploaded.url(), Checksum.sha256(uploaded.id()));
    }

    /**
     * One file to use as an archive: a single regular file (a zip or not) as it is, anything else
     * (several files, a directory) zipped into {@code zipTarget} with paths relative to {@code baseDir}.
     */
    public static Path single(List<Path> files, Path baseDir, Path zipTarget) {
        if (files.isEmpty()) throw new IllegalArgumentException("no files to archive");
        if (files.size() == 1 && Files.isRegularFile(files.get(0))) return files.get(0);
        return zip(files, baseDir, zipTarget);
    }

    /** Zips files and directories (recursively), naming entries by their path relative to {@code baseDir}. */
    public static Path zip(List<Path> files, Path baseDir, Path target) {
        Path base = baseDir.toAbsolutePath().normalize();
        SortedMap<String, Path> entries = new TreeMap<>();
        try {
            for (Path file : expand(files)) {
                Path abs = file.toAbsolutePath().normalize();
                entries.put((abs.startsWith(base) ? base.relativize(abs) : abs.getFileName()).toString().replace('\\', '/'), abs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive: " + e.getMessage(), e);
        }
        return zip(entries, target);
    }

    /**
     * Zips files under the given entry names. The same files always give the same bytes (entries
     * in name order, one fixed timestamp), so that re-applying unchanged code changes nothing.
     */
    public static Path zip(SortedMap<String, Path> entries, Path target) {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Path> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(zipEntry);
                Files.copy(entry.getValue(), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write archive " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** True when the file starts as a zip archive does. */
    public static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            return java.util.Arrays.equals(head, ZIP_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> expand(List<Path> files) throws IOException {
        List<Path> regular = new ArrayList<>();
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                try (Stream<Path> walk = Files.walk(f)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(regular::add);
                }
            } else if (Files.isRegularFile(f)) {
                regular.add(f);
            } else {
                throw new IOException("no such file: " + f);
            }
        }
        return regular;
    }
}
