package io.fissile.runtime.logs;

import io.fissile.runtime.LogLine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One function's (or one environment's) log: a file that is rotated to a single previous file
 * ({@code .1}) when it would grow beyond its cap, so that the two together hold at most twice the cap.
 * Rows are written unbuffered, one write each, so a reader or a crash never sees half a buffer.
 */
final class LogFile {

    private final Path path;
    private final Path previousPath;
    private final long capBytes;
    private final String namespace;
    private final String function;

    private FileChannel channel;
    private long size;

    LogFile(Path path, long capBytes, String namespace, String function) {
        this.path = path;
        this.previousPath = path.resolveSibling(path.getFileName() + ".1");
        this.capBytes = capBytes;
        this.namespace = namespace;
        this.function = function;
    }

    Path path() {
        return path;
    }

    synchronized void append(byte[] row) throws IOException {
        if (channel == null) open();
        if (size > 0 && size + row.length > capBytes) rotate();
        write(row);
    }

    /** The last {@code count} lines after {@code since} (null for all), oldest first. */
    synchronized List<LogLine> tail(int count, Instant since) throws IOException {
        List<LogLine> newestFirst = new ArrayList<>(Math.min(count, 1024));
        boolean reachedSince = collect(path, count, since, newestFirst);
        if (!reachedSince && newestFirst.size() < count) collect(previousPath, count, since, newestFirst);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    synchronized void closeChannel() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was buffered; the file is complete
        }
        channel = null;
    }

    /** Adds rows going backwards; returns true once a row at or before {@code since} is met. */
    private boolean collect(Path file, int count, Instant since, List<LogLine> newestFirst) throws IOException {
        if (!Files.exists(file)) return false;
        try (ReverseLineReader reader = new ReverseLineReader(file)) {
            String row;
            while (newestFirst.size() < count && (row = reader.previous()) != null) {
                LogLine line = LogLineFormat.parse(row, namespace, function);
                if (line == null) continue;
                if (since != null && !line.time().isAfter(since)) return true;
                newestFirst.add(line);
            }
        }
        return false;
    }

    private void open() throws IOException {
        Files.createDirectories(path.getParent());
        // Not APPEND (it excludes READ): this object is the file's only writer and keeps the position at the end.
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        size = channel.size();
        channel.position(size);
        if (size > 0 && !endsWithNewline()) {
            // A row cut short by a crash: end it so that the next row starts on its own line.
            write(new byte[] {'\n'});
        }
    }

    private boolean endsWithNewline() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) == '\n';
    }

    private void rotate() throws IOException {
        closeChannel();
        try {
            Files.move(path, previousPath, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(path, previousPath, StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private void write(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) channel.write(buffer);
        size += bytes.length;
    }
}
