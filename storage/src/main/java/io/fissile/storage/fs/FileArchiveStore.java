package io.fissile.storage.fs;

import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveNotFoundException;
import io.fissile.storage.ArchiveStore;
import io.fissile.storage.ArchiveUpload;
import io.fissile.storage.ChecksumMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Predicate;

/**
 * Archives as files in a directory, one file per archive named by its SHA-256. An upload is
 * written to a temporary file, synced, and renamed into place, so a crash leaves either the whole
 * archive or none of it. An archive's creation time is its file's modification time.
 *
 * <p>The store owns its directory: opening it removes uploads left unfinished by a crash, so one
 * directory must not be opened by two live stores. Thread-safe.
 */
public final class FileArchiveStore implements ArchiveStore {
    private static final Logger log = LoggerFactory.getLogger(FileArchiveStore.class);
    private static final Comparator<ArchiveInfo> OLDEST_FIRST =
            Comparator.comparing(ArchiveInfo::created).thenComparing(ArchiveInfo::id);

    private final Path directory;
    private final StoreLayout layout;
    private final IdLocks locks = new IdLocks();

    private FileArchiveStore(Path directory, StoreLayout layout) {
        this.directory = directory;
        this.layout = layout;
    }

    /** Opens the store in a directory, creating it if need be. */
    public static FileArchiveStore open(Path directory) throws IOException {
        StoreLayout layout = new StoreLayout(directory);
        layout.create();
        for (Path leftover : layout.tempFiles()) {
            Files.deleteIfExists(leftover);
            log.info("Removed unfinished upload {}", leftover);
        }
        return new FileArchiveStore(directory, layout);
    }

    @Override
    public ArchiveUpload begin(long maxBytes) {
        return new FileUpload(this, layout, maxBytes);
    }

    @Override
    public Optional<ArchiveInfo> info(String id) {
        return ArchiveStore.isArchiveId(id) ? read(layout.archive(id)) : Optional.empty();
    }

    @Override
    public InputStream open(String id) throws IOException {
        if (!ArchiveStore.isArchiveId(id)) {
            throw notFound(id);
        }
        try {
            return new VerifyingInputStream(Files.newInputStream(layout.archive(id)), id);
        } catch (NoSuchFileException e) {
            throw notFound(id);
        }
    }

    @Override
    public Optional<Path> file(String id) {
        if (!ArchiveStore.isArchiveId(id)) return Optional.empty();
        return Optional.of(layout.archive(id)).filter(Files::isRegularFile);
    }

    @Override
    public List<ArchiveInfo> list() {
        try {
            return layout.archiveFiles().stream()
                    .map(FileArchiveStore::read)
                    .flatMap(Optional::stream)
                    .sorted(OLDEST_FIRST)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list archives in " + directory, e);
        }
    }

    @Override
    public boolean delete(String id) {
        return deleteIf(id, archive -> true);
    }

    /** Atomic against an upload of the same bytes, which renews the creation time. */
    @Override
    public boolean deleteIfCreatedBefore(String id, Instant cutoff) {
        return deleteIf(id, archive -> archive.created().isBefore(cutoff));
    }

    @Override
    public String toString() {
        return "FileArchiveStore[" + directory + "]";
    }

    /**
     * Puts a finished, synced upload in place under its id. Bytes already stored are kept and
     * their creation time renewed; a stored copy that no longer matches its id is replaced.
     */
    ArchiveInfo place(Path finished, String id) throws IOException {
        Path target = layout.archive(id);
        // Checked before taking the lock: it may read a large file.
        boolean keepStored = isIntact(target, id);
        Lock lock = locks.forId(id);
        lock.lock();
        try {
            if (keepStored && Files.exists(target)) {
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
                Files.delete(finished);
            } else {
                Path shard = target.getParent();
                if (Files.notExists(shard)) {
                    Files.createDirectories(shard);
                    Durability.syncDirectory(shard.getParent());
                }
                Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
                Durability.syncDirectory(shard);
            }
            return read(target).orElseThrow(() -> new NoSuchFileException(target.toString()));
        } finally {
            lock.unlock();
        }
    }

    private boolean deleteIf(String id, Predicate<ArchiveInfo> condition) {
        if (!ArchiveStore.isArchiveId(id)) return false;
        Path file = layout.archive(id);
        Lock lock = locks.forId(id);
        lock.lock();
        try {
            return read(file).filter(condition).isPresent() && Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete archive " + id, e);
        } finally {
            lock.unlock();
        }
    }

    private static boolean isIntact(Path file, String id) throws IOException {
        try (InputStream in = new VerifyingInputStream(Files.newInputStream(file), id)) {
            in.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (ChecksumMismatchException e) {
            log.warn("Archive {} was damaged on disk; replacing it with the same bytes just uploaded", id);
            return false;
        }
    }

    private static Optional<ArchiveInfo> read(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new ArchiveInfo(file.getFileName().toString(), attributes.size(),
                    attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read archive " + file, e);
        }
    }

    private static ArchiveNotFoundException notFound(String id) {
        return new ArchiveNotFoundException("archive not found: " + id);
    }
}
