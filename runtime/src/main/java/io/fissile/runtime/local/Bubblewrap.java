package io.fissile.runtime.local;

import io.fissile.runtime.InstanceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Instances in a bubblewrap sandbox. Each sees, read-only, the system directories programs need
 * ({@link SystemView}), its interpreter's install prefix and the runtime's files at
 * {@code /fissile/runtime}; read-write only its own package directory at {@code /userfunc} and a
 * private {@code /tmp}; each mount read-only at its path ({@code /secrets/<ns>/<name>},
 * {@code /configs/<ns>/<name>}); a fresh {@code /proc} and minimal {@code /dev}. Nothing of the server's
 * data directory or of other instances. It has its own PID, IPC and UTS namespaces, no capabilities,
 * the host network (the router reaches it on loopback), a cleared environment, and it dies with the server.
 */
final class Bubblewrap implements Confinement {

    static final String RUNTIME_DIR = "/fissile/runtime";
    static final String ARCHIVE_DIR = "/fissile/cds";
    static final String USERFUNC = "/userfunc";
    static final String SANDBOX_PATH = "/usr/local/bin:/usr/bin:/bin";

    private final Path bwrap;
    private final SystemView system;
    private final Path baseDir;

    Bubblewrap(Path bwrap, SystemView system, Path baseDir) {
        this.bwrap = bwrap;
        this.system = system;
        this.baseDir = baseDir;
    }

    @Override
    public boolean sandboxed() {
        return true;
    }

    @Override
    public InstanceView prepare(LaunchRequest request) throws IOException {
        for (InstanceSpec.Mount mount : request.spec().mounts()) {
            // A mount inside /secrets or /configs needs its mount point in the instance's own (read-only) directory.
            Path mountPoint = request.dir().mountPoint(MountPaths.check(mount));
            if (mountPoint != null) Files.createDirectories(mountPoint);
        }
        String archive = request.sharedArchive() == null ? null
                : ARCHIVE_DIR + "/" + request.sharedArchive().hostFile().getFileName();
        String runtimeDir = request.runtime() == null ? null : RUNTIME_DIR;
        return new InstanceView(USERFUNC, MountPaths.SECRETS, MountPaths.CONFIGS, runtimeDir, null, archive);
    }

    @Override
    public LaunchPlan plan(LaunchRequest request, InstanceView view, List<String> program, List<Path> hostPaths) {
        List<String> command = new ArrayList<>(isolation());
        command.addAll(system.arguments());
        for (Path path : hostPaths) {
            // An interpreter outside the system directories: show its install prefix, never anything holding the server's data.
            if (!system.covers(path) && !baseDir.startsWith(path)) command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
        }
        if (request.runtime() != null) command.addAll(List.of("--ro-bind", request.runtime().dir().toString(), RUNTIME_DIR));
        command.addAll(List.of("--bind", request.dir().userfunc().toString(), USERFUNC));
        // Read-only: the executor writes (and rewrites) them on the host side, the function only reads.
        command.addAll(List.of("--ro-bind", request.dir().secrets().toString(), MountPaths.SECRETS,
                "--ro-bind", request.dir().configs().toString(), MountPaths.CONFIGS));
        for (InstanceSpec.Mount mount : request.spec().mounts()) {
            Path pathInInstance = MountPaths.check(mount);
            command.addAll(List.of("--ro-bind", mount.hostPath().toAbsolutePath().toString(), pathInInstance.toString()));
        }
        SharedArchive archive = request.sharedArchive();
        if (archive != null) {
            command.addAll(archive.writable()
                    ? List.of("--bind", archive.hostFile().getParent().toString(), ARCHIVE_DIR)
                    : List.of("--ro-bind", archive.hostFile().toString(), view.sharedArchive()));
        }
        command.addAll(List.of("--chdir", USERFUNC, "--clearenv"));
        ContractVariables.of(view, request.port(), request.spec().environment(), SANDBOX_PATH)
                .forEach((name, value) -> command.addAll(List.of("--setenv", name, value)));
        command.add("--");
        command.addAll(program);
        return new LaunchPlan(command, Map.of("PATH", SANDBOX_PATH), request.dir().root(), command);
    }

    /** The sandbox's own options, the same for the trial run and every instance. */
    List<String> isolation() {
        List<String> options = new ArrayList<>(List.of(bwrap.toString(), "--die-with-parent", "--new-session",
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", "fissile"));
        // As root, bwrap keeps its capabilities for the sandbox unless told otherwise.
        if (isRoot()) options.addAll(List.of("--cap-drop", "ALL"));
        options.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        return options;
    }

    /** The command of a sandbox that runs {@code true}, to learn whether sandboxes work on this machine. */
    List<String> trialCommand() {
        List<String> command = new ArrayList<>(isolation());
        command.addAll(system.arguments());
        command.addAll(List.of("--clearenv", "--", "true"));
        return command;
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return line.split("\\s+")[1].equals("0");
            }
        } catch (IOException ignored) {
            // not Linux as we know it; assume unprivileged
        }
        return false;
    }
}
