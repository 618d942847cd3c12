package io.fissile.runtime.local.cgroup;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding this process's cgroup directories on the layouts machines have: v2, v1, and containers. */
class CgroupMountsTest {

    @Test
    void findsTheUnifiedDirectoryOfASystemdUserSession() {
        CgroupMounts mounts = CgroupMounts.parse(
                List.of("0::/user.slice/user-1000.slice/session-2.scope"),
                List.of("35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate"));

        assertThat(mounts.unified()).contains(Path.of("/sys/fs/cgroup/user.slice/user-1000.slice/session-2.scope"));
        assertThat(mounts.v1("memory")).isEmpty();
    }

    @Test
    void findsV1HierarchiesIncludingCoMountedControllersAndContainerRoots() {
        CgroupMounts mounts = CgroupMounts.parse(
                List.of("4:memory:/docker/abc", "2:cpu,cpuacct:/docker/abc", "0::/"),
                List.of("40 30 0:35 /docker/abc /sys/fs/cgroup/memory ro,nosuid - cgroup cgroup rw,memory",
                        "41 30 0:36 /docker/abc /sys/fs/cgroup/cpu,cpuacct ro,nosuid - cgroup cgroup rw,cpu,cpuacct",
                        "42 30 0:37 / /sys/fs/cgroup/cpuset ro,nosuid - cgroup cgroup rw,cpuset"));

        assertThat(mounts.v1("memory")).contains(Path.of("/sys/fs/cgroup/memory"));
        assertThat(mounts.v1("cpu")).contains(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
        assertThat(mounts.unified()).isEmpty();
    }
}
