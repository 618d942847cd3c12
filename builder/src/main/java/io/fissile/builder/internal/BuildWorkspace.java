package io.fissile.builder.internal;

import io.fissile.api.v1.Archive;
import io.fissile.api.v1.Checksum;
import io.fissile.api.v1.Package;
import io.fissile.runtime.archive.ArchiveFetcher;
import io.fissile.runtime.archive.FileTrees;
import io.fissile.runtime.archive.InvalidArchiveException;
import io.fissile.runtime.archive.PackageArchives;
import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One build's directory: the package's source unpacked at {@code src/} (safely: no entry or link may
 * lead outside it, and nothing over the size limit), the place the build leaves its result
 * ({@code deploy}, made by the build, as Fission's builders expect), and the result stored as an archive.
 */
final class BuildWorkspace implements AutoCloseable {

    private static final Duration DOWNLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final Path root;
    private final long maxBytes;

    private BuildWorkspace(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    static BuildWorkspace create(Path buildsDir, PackageKey key, long maxBytes) throws IOException {
        Files.createDirectories(buildsDir);
        return new BuildWorkspace(Files.createTempDirectory(buildsDir, key.namespace() + "-" + key.name() + "-"), maxBytes);
    }

    Path root() {
        return root;
    }

    Path source() {
        return root.resolve("src");
    }

    Path deploy() {
        return root.resolve("deploy");
    }

    /** Fetches and unpacks the package's source archive into {@link #source()}. */
    void unpackSource(Package pkg, ArchiveFetcher fetcher) throws IOException, InterruptedException {
        String what = "the source archive of " + PackageKey.of(pkg);
        Path zip = root.resolve("source.zip");
        fetcher.fetch(what, pkg.spec().source(), zip, DOWNLOAD_TIMEOUT, maxBytes);
        if (!PackageArchives.isZip(zip)) throw new InvalidArchiveException(what + " is not a zip archive");
        try {
            PackageArchives.unpack(zip, source(), maxBytes);
        } catch (InvalidArchiveException e) {
            throw new InvalidArchiveException(what + " is refused: " + e.getMessage());
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /**
     * Stores what the build left at {@link #deploy()}: a directory zipped, a single file as it is.
     *
     * @return the archive, as a package refers to an uploaded one
     */
    Archive storeDeployment(ArchiveStore archives) throws IOException {
        Path deploy = deploy();
        if (!Files.exists(deploy)) throw new InvalidArchiveException("the build left nothing at $DEPLOY_PKG (" + deploy + ")");
        Path file = deploy;
        if (Files.isDirectory(deploy)) {
            file = root.resolve("deploy.zip");
            PackageArchives.zip(deploy, file, maxBytes);
        } else if (Files.size(deploy) > maxBytes) {
            throw new InvalidArchiveException("the build's result is larger than the size limit");
        }
        ArchiveInfo stored;
        try (InputStream in = Files.newInputStream(file)) {
            stored = archives.put(in, null);
        }
        return Archive.ofUrl(stored.urlPath(), Checksum.sha256(stored.id()));
    }

    @Override
    public void close() {
        FileTrees.delete(root);
    }
}
