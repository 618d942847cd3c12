package io.fissile.runtime.local.cgroup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** Reading and writing cgroup control files, and the chores common to both cgroup versions. */
final class CgroupFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CgroupFiles.class);
    private static final int REMOVE_ATTEMPTS = 50;
    private static final long REMOVE_PAUSE_MILLIS = 20;

    private CgroupFiles() {
    }

    static void write(Path file, String value) throws IOException {
        // No truncation or creation: control files take one value per write.
        Files.writeString(file, value, StandardOpenOption.WRITE);
    }

    static boolean tryWrite(Path file, String value) {
        try {
            write(file, value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The value of {@code key} in a flat-keyed file such as {@code memory.events}, 0 when absent. */
    static long counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2 && fields[0].equals(key)) return Long.parseLong(fields[1]);
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("Cannot read {} from {}", key, file, e);
        }
        return 0;
    }

    static List<Long> pids(Path cgroup) {
        try {
            return Files.readAllLines(cgroup.resolve("cgroup.procs")).stream()
                    .map(String::trim).filter(line -> !line.isEmpty()).map(Long::parseLong).toList();
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
    }

    static void killAll(Path cgroup) {
        // Repeated, since a process may fork while the list is read.
        for (int round = 0; round < 3; round++) {
            List<Long> pids = pids(cgroup);
            if (pids.isEmpty()) return;
            pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /** Removes a cgroup directory, waiting a little for its killed processes to be gone. */
    static void remove(Path cgroup) {
        for (int attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
            try {
                Files.deleteIfExists(cgroup);
                return;
            } catch (IOException busy) {
                killAll(cgroup);
                pause();
            }
        }
        LOG.warn("Cannot remove cgroup {}: processes remain in it", cgroup);
    }

    /** Kills and removes the cgroups of instances that a previous run of the server left. */
    static void removeChildren(Path parent) {
        try (Stream<Path> children = Files.list(parent)) {
            children.filter(Files::isDirectory).forEach(child -> {
                killAll(child);
                remove(child);
            });
        } catch (NoSuchFileException e) {
            // nothing left
        } catch (IOException e) {
            LOG.debug("Cannot list {}", parent, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(REMOVE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
