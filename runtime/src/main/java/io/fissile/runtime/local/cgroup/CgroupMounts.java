package io.fissile.runtime.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where this process's cgroups are on disk: its cgroup paths from {@code /proc/self/cgroup}, joined
 * to the cgroup file systems' mount points from {@code /proc/self/mountinfo}.
 */
final class CgroupMounts {

    private record Membership(String controllers, String path) {
    }

    private record Mount(Path mountPoint, String root, String type, List<String> options) {
    }

    private final List<Membership> memberships;
    private final List<Mount> mounts;

    private CgroupMounts(List<Membership> memberships, List<Mount> mounts) {
        this.memberships = memberships;
        this.mounts = mounts;
    }

    static CgroupMounts ofThisProcess() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/self/cgroup")), Files.readAllLines(Path.of("/proc/self/mountinfo")));
    }

    static CgroupMounts parse(List<String> cgroupLines, List<String> mountinfoLines) {
        List<Membership> memberships = new ArrayList<>();
        for (String line : cgroupLines) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3) memberships.add(new Membership(fields[1], fields[2]));
        }
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountinfoLines) {
            int separator = line.indexOf(" - ");
            if (separator < 0) continue;
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3) continue;
            if (!after[0].equals("cgroup") && !after[0].equals("cgroup2")) continue;
            mounts.add(new Mount(Path.of(unescape(before[4])), unescape(before[3]), after[0],
                    Arrays.asList(after[2].split(","))));
        }
        return new CgroupMounts(memberships, mounts);
    }

    /** This process's cgroup v2 directory, if a cgroup2 file system is mounted. */
    Optional<Path> unified() {
        Optional<Membership> membership = memberships.stream().filter(m -> m.controllers().isEmpty()).findFirst();
        return membership.flatMap(m -> mounts.stream().filter(mount -> mount.type().equals("cgroup2"))
                .map(mount -> resolve(mount, m.path())).findFirst());
    }

    /** This process's directory in the cgroup v1 hierarchy of {@code controller} (e.g. memory, cpu). */
    Optional<Path> v1(String controller) {
        Optional<Membership> membership = memberships.stream()
                .filter(m -> Arrays.asList(m.controllers().split(",")).contains(controller)).findFirst();
        return membership.flatMap(m -> mounts.stream()
                .filter(mount -> mount.type().equals("cgroup") && mount.options().contains(controller))
                .map(mount -> resolve(mount, m.path())).findFirst());
    }

    private static Path resolve(Mount mount, String cgroupPath) {
        // A mount may show a subtree only (containers): its root is then a prefix of the cgroup path.
        String relative = cgroupPath;
        if (!mount.root().equals("/") && relative.startsWith(mount.root())) relative = relative.substring(mount.root().length());
        relative = relative.replaceFirst("^/+", "");
        return relative.isEmpty() ? mount.mountPoint() : mount.mountPoint().resolve(relative);
    }

    /** mountinfo escapes spaces, tabs, newlines and backslashes as octal. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).chars().allMatch(d -> d >= '0' && d <= '7')) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
