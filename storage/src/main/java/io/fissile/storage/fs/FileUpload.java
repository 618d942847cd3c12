package io.fissile.storage.fs;

import io.fissile.storage.ArchiveInfo;
import io.fissile.storage.ArchiveTooLargeException;
import io.fissile.storage.ArchiveUpload;
import io.fissile.storage.ChecksumMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * One upload into a {@link FileArchiveStore}: bytes go to a temporary file, hashed on the way, and
 * the file moves into place on commit. Used by one thread at a time.
 */
final class FileUpload implements ArchiveUpload {
    private static final Logger log = LoggerFactory.getLogger(FileUpload.class);

    private enum State { OPEN, COMMITTED, DISCARDED }

    private final FileArchiveStore store;
    private final StoreLayout layout;
    private final long maxBytes;
    private final MessageDigest digest = Sha256.newDigest();
    private State state = State.OPEN;
    private long size;
    // Created on the first byte, so an upload begun and dropped at once leaves nothing behind.
    private Path temp;
    private FileChannel channel;
    private OutputStream out;

    FileUpload(FileArchiveStore store, StoreLayout layout, long maxBytes) {
        this.store = store;
        this.layout = layout;
        this.maxBytes = maxBytes;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        requireOpen();
        if (maxBytes > 0 && length > maxBytes - size) {
            discard();
            throw new ArchiveTooLargeException("archive is larger than the limit of " + maxBytes + " bytes");
        }
        try {
            output().write(bytes, offset, length);
        } catch (IOException e) {
            discard();
            throw e;
        }
        digest.update(bytes, offset, length);
        size += length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public ArchiveInfo commit(String expectedSha256) throws IOException {
        requireOpen();
        try {
            output().flush();
            String id = Sha256.finish(digest);
            if (expectedSha256 != null && !expectedSha256.isBlank() && !expectedSha256.strip().equalsIgnoreCase(id)) {
                throw new ChecksumMismatchException(Sha256.mismatch(expectedSha256.strip(), id));
            }
            channel.force(true);
            out.close();
            ArchiveInfo stored = store.place(temp, id);
            state = State.COMMITTED;
            return stored;
        } finally {
            if (state == State.OPEN) {
                discard();
            }
        }
    }

    @Override
    public void close() {
        if (state == State.OPEN) {
            discard();
        }
    }

    private OutputStream output() throws IOException {
        if (out == null) {
            Path file = layout.newTempFile();
            try {
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            temp = file;
            out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        }
        return out;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("the upload was already " + state.name().toLowerCase());
        }
    }

    private void discard() {
        state = State.DISCARDED;
        if (temp == null) return;
        try {
            // Closing the channel, not the buffer: flushing bytes about to be deleted is wasted work.
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("cannot remove unfinished upload {}; it goes when the store is next opened", temp, e);
        }
    }
}
