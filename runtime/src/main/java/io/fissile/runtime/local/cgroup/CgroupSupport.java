package io.fissile.runtime.local.cgroup;

import java.io.IOException;

/** Cgroups the server may create for its instances, under a directory of its own. */
public interface CgroupSupport {

    /** E.g. {@code cgroup v2 at /sys/fs/cgroup/user.slice/.../fissile-1a2b3c}. */
    String description();

    boolean limitsMemory();

    boolean limitsCpu();

    /** A new cgroup for an instance, with the limits set (0 for none). */
    InstanceCgroup create(String instanceId, long memoryLimitBytes, long cpuLimitMillis) throws IOException;

    /** Removes the server's cgroup directory (its instances' cgroups are gone by then). */
    void close();
}
