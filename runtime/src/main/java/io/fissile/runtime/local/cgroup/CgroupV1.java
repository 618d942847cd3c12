package io.fissile.runtime.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Cgroup v1: separate hierarchies for memory ({@code memory.limit_in_bytes}, OOM kills counted in
 * {@code memory.oom_control}) and CPU ({@code cpu.cfs_quota_us} per {@code cpu.cfs_period_us}).
 * The server's directory in each is {@code <its own cgroup>/fissile-<key>}.
 *
 * @param memoryParent the server's directory in the memory hierarchy, or null
 * @param cpuParent the server's directory in the cpu hierarchy, or null
 */
record CgroupV1(Path memoryParent, Path cpuParent) implements CgroupSupport {

    static final long CFS_PERIOD_MICROS = 100_000;

    @Override
    public String description() {
        List<String> parts = new ArrayList<>();
        if (memoryParent != null) parts.add("memory at " + memoryParent);
        if (cpuParent != null) parts.add("cpu at " + cpuParent);
        return "cgroup v1 (" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean limitsMemory() {
        return memoryParent != null;
    }

    @Override
    public boolean limitsCpu() {
        return cpuParent != null;
    }

    @Override
    public InstanceCgroup create(String instanceId, long memoryLimitBytes, long cpuLimitMillis) throws IOException {
        Path memory = memoryParent == null ? null : Files.createDirectories(memoryParent.resolve(instanceId));
        Path cpu = cpuParent == null ? null : Files.createDirectories(cpuParent.resolve(instanceId));
        Instance cgroup = new Instance(memory, cpu);
        try {
            if (memory != null && memoryLimitBytes > 0) {
                CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), Long.toString(memoryLimitBytes));
                // No swap beyond the limit, where the kernel accounts swap at all.
                CgroupFiles.tryWrite(memory.resolve("memory.memsw.limit_in_bytes"), Long.toString(memoryLimitBytes));
            }
            if (cpu != null && cpuLimitMillis > 0) {
                CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(CFS_PERIOD_MICROS));
                CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros(cpuLimitMillis)));
            }
            return cgroup;
        } catch (IOException e) {
            cgroup.remove();
            throw e;
        }
    }

    @Override
    public void close() {
        for (Path parent : new Path[] {memoryParent, cpuParent}) {
            if (parent != null) {
                CgroupFiles.removeChildren(parent);
                CgroupFiles.remove(parent);
            }
        }
    }

    static long quotaMicros(long cpuLimitMillis) {
        // The kernel refuses quotas below 1 ms.
        return Math.max(1000, cpuLimitMillis * CFS_PERIOD_MICROS / 1000);
    }

    private record Instance(Path memory, Path cpu) implements InstanceCgroup {

        @Override
        public List<Path> procsFiles() {
            List<Path> files = new ArrayList<>();
            if (memory != null) files.add(memory.resolve("cgroup.procs"));
            if (cpu != null) files.add(cpu.resolve("cgroup.procs"));
            return files;
        }

        @Override
        public boolean oomKilled() {
            return memory != null && CgroupFiles.counter(memory.resolve("memory.oom_control"), "oom_kill") > 0;
        }

        @Override
        public void killAll() {
            CgroupFiles.killAll(memory != null ? memory : cpu);
        }

        @Override
        public void remove() {
            killAll();
            if (memory != null) CgroupFiles.remove(memory);
            if (cpu != null) CgroupFiles.remove(cpu);
        }
    }
}
