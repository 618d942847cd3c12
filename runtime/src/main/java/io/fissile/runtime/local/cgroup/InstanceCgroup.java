package io.fissile.runtime.local.cgroup;

import java.nio.file.Path;
import java.util.List;

/** One instance's cgroup (one directory per hierarchy on cgroup v1, one on v2). */
public interface InstanceCgroup {

    /** The {@code cgroup.procs} files a process writes its pid to, to enter the cgroup before it runs the instance. */
    List<Path> procsFiles();

    /** Whether the kernel killed a process of this cgroup for exceeding its memory limit. */
    boolean oomKilled();

    /** SIGKILL to every process in the cgroup. */
    void killAll();

    /** Removes the cgroup, once its processes are gone. */
    void remove();
}
