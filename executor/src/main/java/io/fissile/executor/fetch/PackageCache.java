package io.fissile.executor.fetch;

import io.fissile.api.v1.Package;
import io.fissile.runtime.archive.ArchiveFetcher;
import io.fissile.runtime.archive.FileTrees;
import io.fissile.runtime.archive.PackageArchives;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Deployment archives, fetched and unpacked once per package version and kept on disk, then
 * hard-linked into each instance that runs them, so that every specialization after the first
 * costs no download and no unzip. When a package gets a new version the older ones are removed
 * ({@link #keepOnly}); instances keep their own links to the files they run.
 * <p>
 * Layout: {@code <dir>/<hash of namespace/name>/<resourceVersion>.unpacked} (a directory, or the
 * archive itself when it is no zip) and {@code .kept} (the archive, for environments that keep
 * archives), made aside in {@code <dir>/.staging} and renamed into place whole. The directory is
 * emptied when the cache is created, since resource versions of another store may repeat.
 */
public final class PackageCache {

    private static final Logger LOG = LoggerFactory.getLogger(PackageCache.class);
    private static final String UNPACKED = "unpacked";
    private static final String KEPT = "kept";
    /** Deployments were accepted into the store whole; their size was the store's to limit. */
    private static final long NO_SIZE_LIMIT = 0;
    private static final Set<PosixFilePermission> READ_AND_EXECUTE = PosixFilePermissions.fromString("r-xr-xr-x");

    private final Path dir;
    private final Path staging;
    private final ArchiveFetcher fetcher;
    private final TreeLinker linker = new TreeLinker();
    private final Map<String, CompletableFuture<CachedPackage>> entries = new ConcurrentHashMap<>();
    /** Names work files in the staging directory. */
    private final AtomicLong staged = new AtomicLong();
    /** Per package: placing holds it shared, removing old versions holds it exclusively. */
    private final Map<String, ReadWriteLock> locks = new ConcurrentHashMap<>();

    public PackageCache(Path dir, ArchiveFetcher fetcher) {
        this.dir = dir.toAbsolutePath().normalize();
        this.staging = this.dir.resolve(".staging");
        this.fetcher = fetcher;
        FileTrees.delete(this.dir);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the package cache " + this.dir, e);
        }
    }

    /**
     * The package's deployment archive, fetched, checked and (unless {@code keepArchive}) unpacked
     * when it is a zip; the first caller for a version does the work, others wait for it.
     */
    public CachedPackage prepare(Package pkg, boolean keepArchive, Duration timeout) throws IOException, InterruptedException {
        String key = entryKey(pkg, keepArchive);
        CompletableFuture<CachedPackage> mine = new CompletableFuture<>();
        CompletableFuture<CachedPackage> existing = entries.putIfAbsent(key, mine);
        if (existing != null) return await(existing, timeout, pkg);
        try {
            CachedPackage made = make(pkg, keepArchive, timeout);
            mine.complete(made);
            return made;
        } catch (IOException | InterruptedException | RuntimeException e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Places the package at {@code target}, which must not exist yet. */
    public void place(CachedPackage cached, Path target) throws IOException {
        ReadWriteLock lock = lockOf(cached.namespace(), cached.name());
        lock.readLock().lock();
        try {
            linker.place(cached.content(), target);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The package has a new version: the files of the others go (instances keep their own links). */
    public void keepOnly(Package pkg) {
        String keep = versionName(pkg);
        removeVersions(pkg.namespace(), pkg.name(), version -> !version.equals(keep));
    }

    /** The package was deleted: its files go. */
    public void forget(String namespace, String name) {
        removeVersions(namespace, name, version -> true);
    }

    private void removeVersions(String namespace, String name, Predicate<String> doomed) {
        Path packageDir = packageDir(namespace, name);
        ReadWriteLock lock = lockOf(namespace, name);
        lock.writeLock().lock();
        try {
            entries.keySet().removeIf(key -> key.startsWith(packageKey(namespace, name) + "@")
                    && doomed.test(key.substring(key.indexOf('@') + 1, key.lastIndexOf('#'))));
            if (!Files.isDirectory(packageDir)) return;
            try (Stream<Path> versions = Files.list(packageDir)) {
                for (Path entry : versions.toList()) {
                    String file = entry.getFileName().toString();
                    if (doomed.test(file.substring(0, file.lastIndexOf('.')))) FileTrees.delete(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot remove cached files of package {}/{}: {}", namespace, name, e.toString());
        } finally {
            lock.writeLock().unlock();
        }
    }

    private CachedPackage make(Package pkg, boolean keepArchive, Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        String work = Long.toString(staged.incrementAndGet());
        Path archive = staging.resolve(work + ".archive");
        try {
            fetcher.fetch("the deployment archive of " + describe(pkg), pkg.spec().deployment(), archive, timeout);
            Path entry = entryPath(pkg, keepArchive);
            Files.createDirectories(entry.getParent());
            if (!keepArchive && PackageArchives.isZip(archive)) {
                Path unpacked = staging.resolve(work + ".dir");
                try {
                    PackageArchives.unpack(archive, unpacked, NO_SIZE_LIMIT);
                    ReadOnlyFiles.under(unpacked);
                    replace(unpacked, entry);
                } finally {
                    FileTrees.delete(unpacked);
                }
            } else {
                // Executable, so that a binary or script deployed as a single file runs as it is.
                Files.setPosixFilePermissions(archive, READ_AND_EXECUTE);
                replace(archive, entry);
            }
            LOG.debug("Cached {} at version {} in {} ms", describe(pkg), pkg.metadata().resourceVersion(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new CachedPackage(pkg.namespace(), pkg.name(), pkg.metadata().resourceVersion(), entry);
        } finally {
            Files.deleteIfExists(archive);
        }
    }

    private static void replace(Path made, Path entry) throws IOException {
        FileTrees.delete(entry);
        Files.move(made, entry, StandardCopyOption.ATOMIC_MOVE);
    }

    private static CachedPackage await(CompletableFuture<CachedPackage> existing, Duration timeout, Package pkg)
            throws IOException, InterruptedException {
        try {
            return existing.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("timed out waiting for " + describe(pkg) + " to be fetched");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("fetching " + describe(pkg) + " failed: " + e.getCause(), e.getCause());
        }
    }

    private String entryKey(Package pkg, boolean keepArchive) {
        return packageKey(pkg.namespace(), pkg.name()) + "@" + versionName(pkg) + "#" + (keepArchive ? KEPT : UNPACKED);
    }

    private static String describe(Package pkg) {
        return "package \"" + pkg.namespace() + "/" + pkg.name() + "\"";
    }

    private static String packageKey(String namespace, String name) {
        return namespace + "/" + name;
    }

    private Path packageDir(String namespace, String name) {
        return dir.resolve(sha256(packageKey(namespace, name)));
    }

    private Path entryPath(Package pkg, boolean keepArchive) {
        return packageDir(pkg.namespace(), pkg.name()).resolve(versionName(pkg) + "." + (keepArchive ? KEPT : UNPACKED));
    }

    /** The resource version as a safe file name (versions are numbers, but nothing promises that). */
    private static String versionName(Package pkg) {
        String version = pkg.metadata().resourceVersion();
        if (version != null && version.matches("[0-9A-Za-z_-]{1,64}")) return version;
        return "v-" + sha256(String.valueOf(version));
    }

    private ReadWriteLock lockOf(String namespace, String name) {
        return locks.computeIfAbsent(packageKey(namespace, name), key -> new ReentrantReadWriteLock());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
