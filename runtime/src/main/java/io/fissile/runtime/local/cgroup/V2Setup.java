package io.fissile.runtime.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prepares the server's cgroup v2 directory. Controllers reach a child only when its parent enables
 * them in {@code cgroup.subtree_control}, and a cgroup that enables them may hold no processes
 * itself (except the root). So when the server's own cgroup holds only the server, the server first
 * moves into a leaf {@code <name>-server} beside its instances' directory.
 */
final class V2Setup {

    private V2Setup() {
    }

    private static final String SERVER_LEAF_SUFFIX = "-server";

    static CgroupProbe.Result create(Path ownCgroup, String name) {
        // A server that already moved into its leaf (an earlier runtime in this process) puts instances beside it.
        String ownName = ownCgroup.getFileName() == null ? "" : ownCgroup.getFileName().toString();
        Path own = ownName.startsWith("fissile-") && ownName.endsWith(SERVER_LEAF_SUFFIX) ? ownCgroup.getParent() : ownCgroup;
        List<String> offered = CgroupProbe.controllers(own);
        boolean memory = offered.contains("memory");
        boolean cpu = offered.contains("cpu");
        String enable = ((memory ? "+memory " : "") + (cpu ? "+cpu" : "")).trim();
        try {
            if (!CgroupFiles.tryWrite(own.resolve("cgroup.subtree_control"), enable)) {
                moveServerIntoLeaf(own, name + SERVER_LEAF_SUFFIX);
                CgroupFiles.write(own.resolve("cgroup.subtree_control"), enable);
            }
            Path parent = Files.createDirectories(own.resolve(name));
            CgroupFiles.removeChildren(parent);
            CgroupFiles.write(parent.resolve("cgroup.subtree_control"), enable);
            return new CgroupProbe.Result(new CgroupV2(parent, memory, cpu), "");
        } catch (IOException | SecurityException e) {
            return new CgroupProbe.Result(null, "cannot create cgroups in " + own + ": " + e.getMessage());
        }
    }

    private static void moveServerIntoLeaf(Path own, String leafName) throws IOException {
        long self = ProcessHandle.current().pid();
        List<Long> members = CgroupFiles.pids(own);
        if (!members.equals(List.of(self))) {
            throw new IOException("it holds other processes than the server; start the server in a cgroup of its own"
                    + " (e.g. systemd-run --user --scope -p Delegate=yes)");
        }
        Path leaf = Files.createDirectories(own.resolve(leafName));
        CgroupFiles.write(leaf.resolve("cgroup.procs"), Long.toString(self));
    }
}
