package io.fissile.runtime.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds out whether the server may create cgroups for its instances, under its own cgroup: v2 when
 * its cgroup offers the memory or cpu controller, else v1's memory and cpu hierarchies. The server's
 * directory is named {@code fissile-<key>} so that a restarted server finds (and removes) the cgroups
 * its previous run left, and two servers never meet.
 */
public final class CgroupProbe {

    /**
     * @param support the cgroups to use, or null
     * @param note why there are none, or what is missing
     */
    public record Result(CgroupSupport support, String note) {
        public Optional<CgroupSupport> available() {
            return Optional.ofNullable(support);
        }
    }

    private CgroupProbe() {
    }

    public static Result probe(String key) {
        CgroupMounts mounts;
        try {
            mounts = CgroupMounts.ofThisProcess();
        } catch (IOException e) {
            return new Result(null, "cannot read this process's cgroups: " + e.getMessage());
        }
        String name = "fissile-" + key;
        Optional<Path> unified = mounts.unified().filter(dir -> controllers(dir).stream()
                .anyMatch(c -> c.equals("memory") || c.equals("cpu")));
        if (unified.isPresent()) return V2Setup.create(unified.get(), name);
        return v1(mounts, name);
    }

    private static Result v1(CgroupMounts mounts, String name) {
        List<String> problems = new ArrayList<>();
        Path memory = v1Parent(mounts, "memory", name, problems);
        Path cpu = v1Parent(mounts, "cpu", name, problems);
        if (memory == null && cpu == null) {
            return new Result(null, problems.isEmpty() ? "no cgroup controllers for memory or cpu" : String.join("; ", problems));
        }
        return new Result(new CgroupV1(memory, cpu), String.join("; ", problems));
    }

    private static Path v1Parent(CgroupMounts mounts, String controller, String name, List<String> problems) {
        Optional<Path> own = mounts.v1(controller);
        if (own.isEmpty()) {
            problems.add("no cgroup v1 " + controller + " hierarchy");
            return null;
        }
        Path parent = own.get().resolve(name);
        try {
            Files.createDirectories(parent);
            if (!Files.isWritable(parent.resolve("cgroup.procs"))) throw new IOException("cgroup.procs is not writable");
            CgroupFiles.removeChildren(parent);
            return parent;
        } catch (IOException | SecurityException e) {
            problems.add("cannot create cgroups in " + own.get() + ": " + e.getMessage());
            return null;
        }
    }

    static List<String> controllers(Path dir) {
        try {
            return List.of(Files.readString(dir.resolve("cgroup.controllers")).trim().split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
