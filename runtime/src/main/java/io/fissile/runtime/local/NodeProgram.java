package io.fissile.runtime.local;

import io.fissile.runtime.Sizes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code node <runtime>/server.js}. With a memory limit, V8's old space is kept to three quarters of
 * it, so that the heap is collected before the kernel's limit is reached and a heap that still
 * outgrows it ends with V8's own "heap out of memory".
 */
record NodeProgram(Executable node, String mainScript) implements RuntimeProgram {

    @Override
    public List<String> command(InstanceView view, long memoryLimitBytes, boolean kernelLimitsMemory) {
        List<String> command = new ArrayList<>(List.of(node.path().toString()));
        if (memoryLimitBytes > 0) {
            long oldSpaceMib = Math.max(16, memoryLimitBytes * 3 / 4 / Sizes.MIB);
            command.add("--max-old-space-size=" + oldSpaceMib);
        }
        command.add(view.runtimeDir() + "/" + mainScript);
        return command;
    }

    @Override
    public List<Path> hostPaths() {
        return List.of(node.installPrefix());
    }
}
