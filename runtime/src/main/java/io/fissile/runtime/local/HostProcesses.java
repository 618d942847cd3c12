package io.fissile.runtime.local;

import io.fissile.runtime.InstanceSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances as plain processes of the server's user, for machines without a working sandbox. An
 * instance is told host paths: its {@code userfunc/}, {@code tmp/}, {@code secrets/} and
 * {@code configs/} (where a mount is a link, so that the contract's {@code <dir>/<namespace>/<name>/<key>}
 * still holds). Nothing stops its code from reading the server's
 * files. Where {@code setpriv} exists, the process is killed when the server dies.
 */
final class HostProcesses implements Confinement {

    private final Optional<Path> setpriv;

    HostProcesses(Optional<Path> setpriv) {
        this.setpriv = setpriv;
    }

    @Override
    public boolean sandboxed() {
        return false;
    }

    @Override
    public InstanceView prepare(LaunchRequest request) throws IOException {
        InstanceDirectory dir = request.dir();
        Files.createDirectories(dir.tmp());
        for (InstanceSpec.Mount mount : request.spec().mounts()) {
            Path pathInInstance = MountPaths.check(mount);
            Path link = dir.mountPoint(pathInInstance);
            if (link == null) link = dir.root().resolve("mounts").resolve(pathInInstance.toString().substring(1));
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, mount.hostPath().toAbsolutePath());
        }
        String archive = request.sharedArchive() == null ? null : request.sharedArchive().hostFile().toString();
        return new InstanceView(dir.userfunc().toString(), dir.secrets().toString(), dir.configs().toString(),
                request.runtime() == null ? null : request.runtime().dir().toString(), dir.tmp().toString(), archive);
    }

    @Override
    public LaunchPlan plan(LaunchRequest request, InstanceView view, List<String> program, List<Path> hostPaths) {
        List<String> command = new ArrayList<>();
        setpriv.ifPresent(path -> command.addAll(List.of(path.toString(), "--pdeathsig", "KILL", "--")));
        command.addAll(program);
        String path = Optional.ofNullable(System.getenv("PATH")).orElse(Bubblewrap.SANDBOX_PATH);
        Map<String, String> environment = ContractVariables.of(view, request.port(), request.spec().environment(), path);
        return new LaunchPlan(command, environment, request.dir().userfunc(), program);
    }
}
