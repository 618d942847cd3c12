package io.fissile.runtime.local;

import java.util.List;

/** Killing a process with everything it started. */
final class ProcessTree {

    private ProcessTree() {
    }

    /** SIGKILL to the process and its descendants, found before the kill orphans them. */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
