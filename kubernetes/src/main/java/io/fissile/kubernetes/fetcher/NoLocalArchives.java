package io.fissile.kubernetes.fetcher;

import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveStore;
import io.fissile.storage.ArchiveUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The archive store a fetcher has: none. In a pod every archive is downloaded from its URL (the
 * controller's {@code /v2/archives/<id>}), so the shared archive code never finds one on disk.
 */
final class NoLocalArchives implements ArchiveStore {

    @Override
    public ArchiveUpload begin(long maxBytes) {
        throw new UnsupportedOperationException("a fetcher stores no archives");
    }

    @Override
    public Optional<ArchiveInfo> info(String id) {
        return Optional.empty();
    }

    @Override
    public InputStream open(String id) throws IOException {
        throw new IOException("archive " + id + " is not on this pod");
    }

    @Override
    public Optional<Path> file(String id) {
        return Optional.empty();
    }

    @Override
    public List<ArchiveInfo> list() {
        return List.of();
    }

    @Override
    public boolean delete(String id) {
        return false;
    }
}
