package io.fissile.runtime.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code python3 -u <runtime>/server.py}. Without a cgroup to enforce a memory limit, the process's
 * address space is limited instead (through {@code prlimit}, when installed), so that allocations
 * beyond it fail with {@code MemoryError}; address space counts more than resident memory, so this
 * limit is the stricter one.
 */
record PythonProgram(Executable python, String mainScript, Optional<Executable> prlimit) implements RuntimeProgram {

    @Override
    public List<String> command(InstanceView view, long memoryLimitBytes, boolean kernelLimitsMemory) {
        List<String> command = new ArrayList<>();
        if (memoryLimitBytes > 0 && !kernelLimitsMemory && prlimit.isPresent()) {
            command.addAll(List.of(prlimit.get().path().toString(), "--as=" + memoryLimitBytes, "--"));
        }
        command.addAll(List.of(python.path().toString(), "-u", view.runtimeDir() + "/" + mainScript));
        return command;
    }

    @Override
    public List<Path> hostPaths() {
        return List.of(python.installPrefix());
    }
}
