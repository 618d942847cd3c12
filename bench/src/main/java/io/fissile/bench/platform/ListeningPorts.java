package io.fissile.bench.platform;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which TCP ports processes listen on, read from Linux's {@code /proc} at one moment: the socket
 * inodes among a process's (and its descendants') open files, looked up in {@code /proc/net/tcp}
 * and {@code tcp6} in the LISTEN state. This needs nothing from the program itself (how it was told
 * its port, whether a sandbox wraps it), only that it shares this process's network namespace.
 * One snapshot answers for many processes at the cost of one pass over the process table.
 */
public final class ListeningPorts {
    private static final String LISTEN_STATE = "0A";
    private static final List<Path> TCP_TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    private final Map<Long, List<Long>> children;
    private final Map<String, Integer> portByInode;

    private ListeningPorts(Map<Long, List<Long>> children, Map<String, Integer> portByInode) {
        this.children = children;
        this.portByInode = portByInode;
    }

    public static ListeningPorts snapshot() {
        Map<Long, List<Long>> children = new HashMap<>();
        ProcessHandle.allProcesses().forEach(process -> process.parent()
                .ifPresent(parent -> children.computeIfAbsent(parent.pid(), p -> new ArrayList<>()).add(process.pid())));
        Map<String, Integer> portByInode = new HashMap<>();
        for (Path table : TCP_TABLES) {
            try {
                for (String line : Files.readAllLines(table)) listeningSocket(line, portByInode);
            } catch (IOException e) {
                // no IPv6 (or no IPv4) table on this machine
            }
        }
        return new ListeningPorts(children, portByInode);
    }

    /** The ports the process or its descendants listen on; empty when it has ended or listens nowhere (yet). */
    public Set<Integer> ofProcessTree(long pid) {
        Set<Integer> ports = new TreeSet<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(pid));
        while (!pending.isEmpty()) {
            long next = pending.pop();
            for (String inode : socketInodes(next)) {
                Integer port = portByInode.get(inode);
                if (port != null) ports.add(port);
            }
            pending.addAll(children.getOrDefault(next, List.of()));
        }
        return ports;
    }

    /** Records the inode and local port of a {@code /proc/net/tcp} line if it is a listening socket. */
    static void listeningSocket(String line, Map<String, Integer> portByInode) {
        String[] fields = line.trim().split("\\s+");
        // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
        if (fields.length < 10 || !fields[3].equals(LISTEN_STATE)) return;
        String local = fields[1];
        portByInode.put(fields[9], Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
    }

    private static List<String> socketInodes(long pid) {
        List<String> inodes = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) inodes.add(target.substring(8, target.length() - 1));
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we looked
                }
            }
        } catch (IOException ended) {
            // the process ended while we looked
        }
        return inodes;
    }
}
