package io.fissile.storage.fs;

import io.fissile.storage.ArchiveStore;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where things live under the store's directory: {@code sha256/<first two hex digits>/<id>} for
 * archives (sharded so no directory grows huge), {@code tmp/} for uploads in progress. Both are
 * on the same filesystem, so a finished upload moves into place atomically.
 */
final class StoreLayout {
    private final Path archives;
    private final Path tmp;

    StoreLayout(Path root) {
        this.archives = root.resolve("sha256");
        this.tmp = root.resolve("tmp");
    }

    void create() throws IOException {
        Files.createDirectories(archives);
        Files.createDirectories(tmp);
    }

    /** The file of an archive; only for a valid id, so an id can never name a path elsewhere. */
    Path archive(String id) {
        if (!ArchiveStore.isArchiveId(id)) {
            throw new IllegalArgumentException("not an archive id: " + id);
        }
        return archives.resolve(id.substring(0, 2)).resolve(id);
    }

    Path newTempFile() throws IOException {
        return Files.createTempFile(tmp, "upload-", ".part");
    }

    /** Uploads cut short by a crash; nothing else writes there. */
    List<Path> tempFiles() throws IOException {
        return entries(tmp);
    }

    /** The files of all stored archives, found by name, so that strays are ignored. */
    List<Path> archiveFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path shard : entries(archives)) {
            if (!Files.isDirectory(shard)) continue;
            for (Path file : entries(shard)) {
                String name = file.getFileName().toString();
                if (ArchiveStore.isArchiveId(name) && archive(name).equals(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }

    private static List<Path> entries(Path directory) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entries::add);
        }
        return entries;
    }
}
