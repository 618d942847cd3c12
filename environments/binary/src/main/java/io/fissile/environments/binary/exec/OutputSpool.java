package io.fissile.environments.binary.exec;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Output held back before the response starts: in memory up to a limit, beyond it in a temporary
 * file, so that a large output never has to fit in the heap.
 */
final class OutputSpool implements Closeable {

    private final int memoryLimit;
    private byte[] memory = new byte[8192];
    private long size;
    private Path file;
    private OutputStream fileOut;

    OutputSpool(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    long size() {
        return size;
    }

    boolean inMemory() {
        return file == null;
    }

    /** The spooled bytes; only while {@link #inMemory()}. */
    byte[] bytes() {
        return Arrays.copyOf(memory, (int) size);
    }

    void write(byte[] data, int offset, int length) throws IOException {
        if (file == null && size + length <= memoryLimit) {
            if (size + length > memory.length) {
                memory = Arrays.copyOf(memory, Math.min(memoryLimit, Math.max(memory.length * 2, (int) size + length)));
            }
            System.arraycopy(data, offset, memory, (int) size, length);
        } else {
            if (file == null) {
                spill();
            }
            fileOut.write(data, offset, length);
        }
        size += length;
    }

    /** Writes everything spooled so far to {@code out}. */
    void replayTo(OutputStream out) throws IOException {
        if (file == null) {
            out.write(memory, 0, (int) size);
            return;
        }
        fileOut.flush();
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        }
    }

    private void spill() throws IOException {
        file = Files.createTempFile("fissile-binary-output-", ".tmp");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        fileOut.write(memory, 0, (int) size);
        memory = null;
    }

    @Override
    public void close() throws IOException {
        if (file != null) {
            try {
                fileOut.close();
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
