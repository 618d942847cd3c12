package io.fissile.runtime.local;

import java.nio.file.Path;
import java.util.List;

/** The command line of a shipped runtime's server, for one instance. */
interface RuntimeProgram {

    /**
     * @param view paths as the instance sees them
     * @param memoryLimitBytes the instance's memory limit, 0 for none
     * @param kernelLimitsMemory whether a cgroup enforces that limit (else only the runtime's own limit holds)
     */
    List<String> command(InstanceView view, long memoryLimitBytes, boolean kernelLimitsMemory);

    /** Host directories the program needs to see besides the system ones (its install prefix). */
    List<Path> hostPaths();
}
