package io.fissile.runtime.local;

import io.fissile.runtime.RuntimeCapabilities;
import io.fissile.runtime.local.cgroup.CgroupProbe;
import io.fissile.runtime.local.cgroup.CgroupSupport;

import java.util.ArrayList;
import java.util.List;

/** Says what the local runtime can do on this machine, and why not where it cannot. */
final class Capabilities {

    private Capabilities() {
    }

    static RuntimeCapabilities describe(SandboxProbe.Choice sandbox, CgroupProbe.Result cgroups) {
        boolean sandboxed = sandbox.confinement().sandboxed();
        boolean memory = cgroups.available().map(CgroupSupport::limitsMemory).orElse(false);
        boolean cpu = cgroups.available().map(CgroupSupport::limitsCpu).orElse(false);
        List<String> notes = new ArrayList<>();
        notes.add(sandboxed
                ? "instances run in a bubblewrap sandbox"
                : "instances are NOT sandboxed (" + sandbox.note() + "): functions can read and change the server's "
                        + "files with the server's user");
        cgroups.available().ifPresent(support -> notes.add("limits enforced with " + support.description()));
        if (!memory) {
            notes.add("memory limits are only the runtimes' own (JVM -Xmx, node --max-old-space-size, python "
                    + "address-space rlimit; none for programs the binary runtime runs): " + cgroupsNote(cgroups));
        }
        if (!cpu) notes.add("CPU limits are not enforced: " + cgroupsNote(cgroups));
        return new RuntimeCapabilities(sandboxed, memory, cpu, String.join("; ", notes));
    }

    private static String cgroupsNote(CgroupProbe.Result cgroups) {
        return cgroups.note().isEmpty() ? "no cgroup controller" : cgroups.note();
    }
}
