package io.fissile.runtime.local;

import java.util.ArrayDeque;
import java.util.List;

/** The last lines an instance wrote, kept in memory to explain a failed start or an exit. */
final class RecentLines {

    static final int CAPACITY = 50;
    /** Enough to explain a failure; a full 16 KiB line per entry would cost every instance 800 KiB of heap. */
    static final int MAX_LINE_CHARS = 2048;

    private final ArrayDeque<String> lines = new ArrayDeque<>(CAPACITY);

    synchronized void add(String line) {
        if (lines.size() == CAPACITY) lines.removeFirst();
        lines.addLast(line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) + " [cut]" : line);
    }

    synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }
}
