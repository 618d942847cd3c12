package io.fissile.storage.fs;

import io.fissile.storage.ChecksumMismatchException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reads a stored archive while hashing it, and fails at the end when the bytes no longer hash to
 * the archive's id, so a file damaged on disk is never served as if it were whole.
 */
final class VerifyingInputStream extends FilterInputStream {
    private final String id;
    private final MessageDigest digest = Sha256.newDigest();
    private String actual;

    VerifyingInputStream(InputStream in, String id) {
        super(in);
        this.id = id;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verify();
        } else {
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int n = in.read(bytes, offset, length);
        if (n < 0) {
            verify();
        } else {
            digest.update(bytes, offset, n);
        }
        return n;
    }

    /** Skipped bytes are read all the same: the digest must cover every byte. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (read < 0) break;
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readLimit) {
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset is not supported");
    }

    // Every read at the end fails again, so a caller cannot miss the damage by reading once more.
    private void verify() throws ChecksumMismatchException {
        if (actual == null) {
            actual = Sha256.finish(digest);
        }
        if (!actual.equals(id)) {
            throw new ChecksumMismatchException(Sha256.mismatch(id, actual) + " (the stored archive is damaged)");
        }
    }
}
