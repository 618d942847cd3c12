package io.fissile.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/** An upload in progress: bytes go to a temporary file as they arrive and are hashed on the way. */
public interface ArchiveUpload extends AutoCloseable {

    /** @throws ArchiveTooLargeException when the bytes pass the upload's limit (the upload is then discarded) */
    void write(byte[] bytes, int offset, int length) throws IOException;

    default void write(ByteBuffer buffer) throws IOException {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        write(bytes, 0, bytes.length);
    }

    /** Bytes written so far. */
    long size();

    /**
     * Verifies and stores the archive. With an expected SHA-256 (hex, any case) that differs from
     * the bytes' own, nothing is stored and a {@link ChecksumMismatchException} names both digests.
     * Storing bytes already stored is fine and returns the existing archive (with its creation
     * time renewed); an existing copy found damaged on disk is replaced by the new bytes.
     */
    ArchiveInfo commit(String expectedSha256) throws IOException;

    /** Discards the upload unless it was committed. */
    @Override
    void close();
}
