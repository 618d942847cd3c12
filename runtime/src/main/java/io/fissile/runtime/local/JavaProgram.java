package io.fissile.runtime.local;

import io.fissile.runtime.Sizes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The jvm and binary runtimes: the server's own {@code java} with flags for a small, fast-starting
 * JVM (serial GC, C1 only, no perf data file) and a class-data sharing archive per runtime that the
 * first instances create and later ones map. With a memory limit, the heap gets what remains after
 * room for the JVM itself (a quarter, at least 64 MiB).
 */
record JavaProgram(Executable java, InstalledRuntime runtime, String mainClass) implements RuntimeProgram {

    private static final long MIN_HEAP = 16 * Sizes.MIB;
    private static final long MIN_NON_HEAP = 64 * Sizes.MIB;

    @Override
    public List<String> command(InstanceView view, long memoryLimitBytes, boolean kernelLimitsMemory) {
        List<String> command = new ArrayList<>(List.of(java.path().toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto"));
        if (view.sharedArchive() != null) {
            // cds logging off: a missing or outdated archive is expected, not worth a warning in the function's log.
            command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + view.sharedArchive(),
                    "-Xlog:cds*=off"));
        }
        if (memoryLimitBytes > 0) command.add("-Xmx" + heapBytes(memoryLimitBytes) / Sizes.KIB + "k");
        if (view.tmp() != null) command.add("-Djava.io.tmpdir=" + view.tmp());
        command.addAll(List.of("-cp", classpath(view), mainClass));
        return command;
    }

    @Override
    public List<Path> hostPaths() {
        return List.of(java.installPrefix());
    }

    static long heapBytes(long memoryLimitBytes) {
        long nonHeap = Math.max(MIN_NON_HEAP, memoryLimitBytes / 4);
        return Math.max(MIN_HEAP, memoryLimitBytes - nonHeap);
    }

    private String classpath(InstanceView view) {
        return runtime.classpath().stream().map(entry -> view.runtimeDir() + "/" + entry).collect(Collectors.joining(":"));
    }
}
