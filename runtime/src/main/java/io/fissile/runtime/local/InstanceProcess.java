package io.fissile.runtime.local;

import io.fissile.runtime.local.cgroup.InstanceCgroup;

import java.util.Optional;

/**
 * An instance's OS process and how to signal it. In a sandbox the process Fissile started is
 * bubblewrap's monitor; the runtime is its grandchild (under the sandbox's PID 1). SIGTERM goes to
 * the runtime itself, since ending bubblewrap would SIGKILL the sandbox at once; SIGKILL goes to
 * everything, through the cgroup where there is one.
 */
final class InstanceProcess {

    private final Process process;
    private final boolean sandboxed;
    private final Optional<InstanceCgroup> cgroup;

    InstanceProcess(Process process, boolean sandboxed, Optional<InstanceCgroup> cgroup) {
        this.process = process;
        this.sandboxed = sandboxed;
        this.cgroup = cgroup;
    }

    Process process() {
        return process;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The runtime's own process (for a sandbox, not bubblewrap's), once it runs. */
    Optional<ProcessHandle> runtimeProcess() {
        if (!sandboxed) return Optional.of(process.toHandle());
        return process.toHandle().children().findFirst().flatMap(init -> init.children().findFirst());
    }

    /** Asks the runtime to exit (SIGTERM); when it does not run yet, ends the process outright. */
    void terminate() {
        Optional<ProcessHandle> runtime = runtimeProcess();
        if (runtime.isPresent()) runtime.get().destroy();
        else kill();
    }

    /** SIGKILL to the instance's every process. */
    void kill() {
        cgroup.ifPresent(InstanceCgroup::killAll);
        ProcessTree.killTree(process.toHandle());
    }

    /** Whether the kernel ended a process of the instance for exceeding its memory limit. */
    boolean oomKilled() {
        return cgroup.map(InstanceCgroup::oomKilled).orElse(false);
    }

    void removeCgroup() {
        cgroup.ifPresent(InstanceCgroup::remove);
    }
}
