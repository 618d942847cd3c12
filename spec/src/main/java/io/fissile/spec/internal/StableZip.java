package io.fissile.spec.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips files so that the same files always give the same bytes: entries sorted by name, each with
 * one fixed timestamp. Re-applying unchanged sources then leaves the package unchanged.
 */
public final class StableZip {
    /** The earliest time a zip entry can hold, used for every entry. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private StableZip() {
    }

    public static Path write(List<ArchiveInputs.Entry> entries, Path target) {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ArchiveInputs.Entry entry : entries.stream().sorted(Comparator.comparing(ArchiveInputs.Entry::name)).toList()) {
                ZipEntry zipEntry = new ZipEntry(entry.name());
                zipEntry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(zipEntry);
                Files.copy(entry.file(), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write archive " + target + ": " + e.getMessage(), e);
        }
        return target;
    }
}
