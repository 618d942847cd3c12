package io.fissile.runtime.logs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Reads a text file's lines from the last to the first, a block at a time, so that a tail never loads a whole file. */
final class ReverseLineReader implements AutoCloseable {

    private static final int BLOCK_SIZE = 64 * 1024;
    // Rows are at most a few times the 16 KiB line cut; anything longer is not ours and is skipped.
    private static final int MAX_ROW = 1024 * 1024;

    private final FileChannel channel;
    private long unreadEnd;
    private byte[] partialRow = new byte[0];
    private final Deque<String> rows = new ArrayDeque<>();

    ReverseLineReader(Path file) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        unreadEnd = channel.size();
    }

    /** The line before the last one returned, or null at the start of the file. */
    String previous() throws IOException {
        while (rows.isEmpty()) {
            if (unreadEnd == 0) {
                if (partialRow.length == 0) return null;
                String first = new String(partialRow, StandardCharsets.UTF_8);
                partialRow = new byte[0];
                return first;
            }
            readBlock();
        }
        return rows.removeFirst();
    }

    private void readBlock() throws IOException {
        int length = (int) Math.min(BLOCK_SIZE, unreadEnd);
        unreadEnd -= length;
        byte[] chunk = new byte[length + partialRow.length];
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, unreadEnd + buffer.position()) < 0) break;
        }
        System.arraycopy(partialRow, 0, chunk, length, partialRow.length);

        int rowEnd = chunk.length;
        for (int i = chunk.length - 1; i >= 0; i--) {
            if (chunk[i] != '\n') continue;
            if (rowEnd > i + 1) rows.addLast(new String(chunk, i + 1, rowEnd - i - 1, StandardCharsets.UTF_8));
            rowEnd = i;
        }
        partialRow = rowEnd > MAX_ROW ? new byte[0] : Arrays.copyOf(chunk, rowEnd);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
