package io.fissile.runtime.local.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cgroup v2: one directory per instance under the server's, with {@code memory.max} (the whole
 * cgroup killed together on OOM, counted in {@code memory.events}) and {@code cpu.max}.
 *
 * @param parent the server's directory, with the memory and cpu controllers enabled for its children
 * @param memory whether the memory controller is available
 * @param cpu whether the cpu controller is available
 */
record CgroupV2(Path parent, boolean memory, boolean cpu) implements CgroupSupport {

    @Override
    public String description() {
        return "cgroup v2 at " + parent;
    }

    @Override
    public boolean limitsMemory() {
        return memory;
    }

    @Override
    public boolean limitsCpu() {
        return cpu;
    }

    @Override
    public InstanceCgroup create(String instanceId, long memoryLimitBytes, long cpuLimitMillis) throws IOException {
        Instance cgroup = new Instance(Files.createDirectories(parent.resolve(instanceId)));
        try {
            if (memory && memoryLimitBytes > 0) {
                CgroupFiles.write(cgroup.dir.resolve("memory.max"), Long.toString(memoryLimitBytes));
                CgroupFiles.tryWrite(cgroup.dir.resolve("memory.swap.max"), "0");
                CgroupFiles.tryWrite(cgroup.dir.resolve("memory.oom.group"), "1");
            }
            if (cpu && cpuLimitMillis > 0) {
                CgroupFiles.write(cgroup.dir.resolve("cpu.max"),
                        CgroupV1.quotaMicros(cpuLimitMillis) + " " + CgroupV1.CFS_PERIOD_MICROS);
            }
            return cgroup;
        } catch (IOException e) {
            cgroup.remove();
            throw e;
        }
    }

    @Override
    public void close() {
        CgroupFiles.removeChildren(parent);
        CgroupFiles.remove(parent);
    }

    private record Instance(Path dir) implements InstanceCgroup {

        @Override
        public List<Path> procsFiles() {
            return List.of(dir.resolve("cgroup.procs"));
        }

        @Override
        public boolean oomKilled() {
            Path events = dir.resolve("memory.events");
            return CgroupFiles.counter(events, "oom_kill") > 0 || CgroupFiles.counter(events, "oom_group_kill") > 0;
        }

        @Override
        public void killAll() {
            // cgroup.kill (Linux 5.14) kills atomically, forks included; older kernels get the pid list.
            if (!CgroupFiles.tryWrite(dir.resolve("cgroup.kill"), "1")) CgroupFiles.killAll(dir);
        }

        @Override
        public void remove() {
            killAll();
            CgroupFiles.remove(dir);
        }
    }
}
