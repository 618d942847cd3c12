package io.fissile.runtime.logs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Keeps at most a fixed number of log files open (the most recently written), so that many
 * functions do not exhaust the server's file descriptors.
 */
final class OpenLogFiles {

    private final int limit;
    private final LinkedHashMap<LogFile, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true);

    OpenLogFiles(int limit) {
        this.limit = limit;
    }

    /**
     * Notes that a file was just written; returns the files to close. The caller closes them outside
     * this lock, since closing waits for the file's own lock.
     */
    synchronized List<LogFile> written(LogFile file) {
        recent.put(file, Boolean.TRUE);
        if (recent.size() <= limit) return List.of();
        List<LogFile> evicted = new ArrayList<>();
        Iterator<LogFile> oldest = recent.keySet().iterator();
        while (recent.size() - evicted.size() > limit && oldest.hasNext()) {
            evicted.add(oldest.next());
            oldest.remove();
        }
        return evicted;
    }

    synchronized List<LogFile> removeAll() {
        List<LogFile> all = new ArrayList<>(recent.keySet());
        recent.clear();
        return all;
    }
}
