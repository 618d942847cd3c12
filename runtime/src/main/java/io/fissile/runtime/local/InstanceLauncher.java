package io.fissile.runtime.local;

import io.fissile.runtime.FunctionLogs;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.UserCommand;
import io.fissile.runtime.local.cgroup.CgroupSupport;
import io.fissile.runtime.local.cgroup.InstanceCgroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts one instance's process: its directory, port, cgroup and (for JVMs) shared archive, the
 * runtime's command confined as configured, its output readers, and the record that lets a restarted
 * server find it. Whatever was prepared is released again when the launch fails.
 */
final class InstanceLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLauncher.class);

    private final InstanceIds ids;
    private final PortAllocator ports;
    private final Confinement confinement;
    private final Optional<CgroupSupport> cgroups;
    private final SharedArchives archives;
    private final RuntimePrograms programs;
    private final ProcessLauncher processes;
    private final FunctionLogs logs;

    InstanceLauncher(Path instancesDir, PortAllocator ports, Confinement confinement, Optional<CgroupSupport> cgroups,
                     SharedArchives archives, ProcessLauncher processes, FunctionLogs logs) {
        this.ids = new InstanceIds(instancesDir);
        this.ports = ports;
        this.confinement = confinement;
        this.cgroups = cgroups;
        this.archives = archives;
        this.programs = new RuntimePrograms(confinement.sandboxed());
        this.processes = processes;
        this.logs = logs;
    }

    /**
     * Starts the process: the runtime's server, or the spec's user command when {@code runtime} is
     * null; {@code onEnd} runs when it has ended, before {@link LocalInstance#exited()} completes.
     */
    LocalInstance launch(InstanceSpec spec, InstalledRuntime runtime, Consumer<LocalInstance> onEnd) {
        int port = ports.reserve();
        InstanceDirectory dir = null;
        Optional<InstanceCgroup> cgroup = Optional.empty();
        Process process = null;
        try {
            dir = ids.allocate(runtime == null ? spec.environmentName() : runtime.kind().fissileName());
            String id = dir.id();
            SharedArchive archive = runtime == null ? null : archives.forInstance(runtime, dir).orElse(null);
            LaunchRequest request = new LaunchRequest(id, spec, dir, runtime, port, archive);
            InstanceView view = confinement.prepare(request);
            RuntimeProgram program = runtime == null ? userProgram(spec, view, port, dir) : programs.forRuntime(runtime);
            cgroup = createCgroup(id, spec);
            boolean kernelLimitsMemory = cgroup.isPresent() && cgroups.get().limitsMemory();
            List<String> command = program.command(view, spec.memoryLimitBytes(), kernelLimitsMemory);
            LaunchPlan plan = confinement.plan(request, view, command, program.hostPaths());

            InstanceOutput output = new InstanceOutput(id, spec, logs);
            process = processes.launch(plan, cgroup);
            output.start(process);
            dir.processRecord().write(process.pid(), plan.runningCommand());
            LOG.debug("Started instance {} as process {}: {}", id, process.pid(), plan.command());
            return new LocalInstance(request, view, new InstanceProcess(process, confinement.sandboxed(), cgroup),
                    output, onEnd);
        } catch (IOException | RuntimeException e) {
            if (process != null) ProcessTree.killTree(process.toHandle());
            cgroup.ifPresent(InstanceCgroup::remove);
            if (dir != null) dir.delete();
            ports.release(port);
            if (e instanceof InstanceStartException start) throw start;
            String what = runtime == null ? "the command of " + spec.environmentName() : "a " + runtime.kind().fissileName() + " instance";
            throw new InstanceStartException("Cannot start " + what + ": " + e, e);
        }
    }

    /** The user's command, its own directories filled first (the function's package, its secrets), since it is never specialized. */
    private static RuntimeProgram userProgram(InstanceSpec spec, InstanceView view, int port, InstanceDirectory dir) throws IOException {
        UserCommand command = spec.userCommand();
        if (command.files() != null) command.files().fill(dir.userfunc(), dir.secrets(), dir.configs());
        Map<String, String> variables = new HashMap<>(ContractVariables.of(view, port, spec.environment(), ""));
        // The search path is the confinement's to set, not the user's to refer to.
        variables.remove("PATH");
        return new UserCommandProgram(command, variables);
    }

    private Optional<InstanceCgroup> createCgroup(String id, InstanceSpec spec) throws IOException {
        if (cgroups.isEmpty()) return Optional.empty();
        return Optional.of(cgroups.get().create(id, spec.memoryLimitBytes(), spec.cpuLimitMillis()));
    }
}
