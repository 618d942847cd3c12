package io.fissile.executor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the process that listens on a loopback port, from Linux's /proc, to kill it from outside as an operator would. */
final class ListeningProcess {

    private static final String LISTEN = "0A";

    private ListeningProcess() {
    }

    static long pidOf(int port) throws IOException {
        String inode = listeningSocketInode(port)
                .orElseThrow(() -> new IllegalStateException("nothing listens on port " + port));
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holdsSocket(process, inode)) return Long.parseLong(process.getFileName().toString());
            }
        }
        throw new IllegalStateException("no process holds the socket listening on port " + port);
    }

    /** Kills it with SIGKILL, like {@code kill -9}. */
    static void kill(int port) throws IOException {
        long pid = pidOf(port);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    private static Optional<String> listeningSocketInode(int port) throws IOException {
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(portHex) && fields[3].equals(LISTEN)) return Optional.of(fields[9]);
            }
        }
        return Optional.empty();
    }

    private static boolean holdsSocket(Path process, String inode) {
        String wanted = "socket:[" + inode + "]";
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(wanted)) return true;
                } catch (IOException ignored) {
                    // closed meanwhile
                }
            }
        } catch (IOException ignored) {
            // the process ended, or is not ours to look at
        }
        return false;
    }
}
