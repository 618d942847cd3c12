package io.fissile.runtime.local;

import io.fissile.runtime.local.cgroup.InstanceCgroup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts instance processes, always from one long-lived platform thread: "die with parent"
 * (bubblewrap's, setpriv's) fires when the thread that started a process ends, not the server, so
 * a short-lived thread would take its instances with it. A process that is to live in a cgroup
 * enters it itself, through a shell that writes its pid into the cgroup and then execs the command,
 * so nothing of the instance ever runs outside it.
 */
final class ProcessLauncher implements AutoCloseable {

    private static final String ENTER_CGROUP = "n=$1; shift; while [ \"$n\" -gt 0 ]; do echo $$ > \"$1\" || exit 125;"
            + " shift; n=$((n-1)); done; exec \"$@\"";

    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("fissile-instance-launcher").daemon().unstarted(task));

    Process launch(LaunchPlan plan, Optional<InstanceCgroup> cgroup) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(plan, cgroup))
                .directory(plan.workingDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(plan.environment());
        try {
            return thread.submit(builder::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException("Cannot start " + plan.command().get(0), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting " + plan.command().get(0), e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }

    private static List<String> command(LaunchPlan plan, Optional<InstanceCgroup> cgroup) {
        if (cgroup.isEmpty()) return plan.command();
        List<Path> procs = cgroup.get().procsFiles();
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", ENTER_CGROUP, "fissile-enter-cgroup",
                Integer.toString(procs.size())));
        procs.forEach(file -> command.add(file.toString()));
        command.addAll(plan.command());
        return command;
    }
}
