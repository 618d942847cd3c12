package io.fissile.runtime.local;

import io.fissile.runtime.CommandResult;
import io.fissile.runtime.CommandRunner;
import io.fissile.runtime.CommandSpec;
import io.fissile.runtime.ExitReason;
import io.fissile.runtime.archive.FileTrees;
import io.fissile.runtime.local.cgroup.CgroupProbe;
import io.fissile.runtime.local.cgroup.CgroupSupport;
import io.fissile.runtime.local.cgroup.InstanceCgroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs one-off commands (package builds) as local processes, confined as function instances are: in
 * a bubblewrap sandbox and a cgroup where the machine allows, killed with everything they started at
 * their time limit. Create one per server with {@link #create}; close it to remove its cgroups.
 *
 * <pre>{@code
 * LocalCommandRunner runner = LocalCommandRunner.create(dataDir.resolve("commands"), SandboxMode.AUTO, CgroupMode.AUTO);
 * CommandResult result = runner.run(CommandSpec.of("build", List.of("make"), workDir));
 * }</pre>
 */
public final class LocalCommandRunner implements CommandRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCommandRunner.class);
    /** How long output may still arrive after the command ended (a process it left behind may hold the pipe). */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(5);

    private final Path baseDir;
    private final CommandPlanner planner;
    private final String sandboxNote;
    private final Optional<CgroupSupport> cgroups;
    private final ProcessLauncher launcher = new ProcessLauncher();
    private final SecureRandom random = new SecureRandom();

    private LocalCommandRunner(Path baseDir, CommandPlanner planner, String sandboxNote, Optional<CgroupSupport> cgroups) {
        this.baseDir = baseDir;
        this.planner = planner;
        this.sandboxNote = sandboxNote;
        this.cgroups = cgroups;
    }

    /**
     * Prepares a runner with a directory of its own (for unsandboxed commands' temporary files), and
     * finds out whether sandboxes and cgroups work here.
     *
     * @throws IllegalStateException when {@link LocalRuntimeOptions.SandboxMode#REQUIRED} and no sandbox works
     */
    public static LocalCommandRunner create(Path baseDir, LocalRuntimeOptions.SandboxMode sandbox,
                                            LocalRuntimeOptions.CgroupMode cgroupMode) {
        Path base = baseDir.toAbsolutePath().normalize();
        FileTrees.delete(base);
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the command runner's directory " + base, e);
        }
        SandboxProbe.Choice choice = SandboxProbe.choose(sandbox == null ? LocalRuntimeOptions.SandboxMode.AUTO : sandbox, base);
        CommandPlanner planner = choice.confinement() instanceof Bubblewrap bubblewrap
                ? CommandPlanner.sandboxed(bubblewrap, systemView(), base)
                : CommandPlanner.unsandboxed(Executable.find("setpriv").map(Executable::path), base);
        // A key of their own, so that the runtime's instances and the commands never remove each other's cgroups.
        CgroupProbe.Result cgroups = cgroupMode == LocalRuntimeOptions.CgroupMode.OFF
                ? new CgroupProbe.Result(null, "cgroups are turned off")
                : CgroupProbe.probe("cmd-" + Integer.toHexString(base.toString().hashCode()));
        LocalCommandRunner runner = new LocalCommandRunner(base, planner, choice.note(), cgroups.available());
        LOG.info("Commands (builds) run {}{}", planner.isSandboxed() ? "in a bubblewrap sandbox" : "unsandboxed: " + choice.note(),
                cgroups.available().map(c -> ", limited with " + c.description()).orElse(""));
        return runner;
    }

    @Override
    public CommandResult run(CommandSpec spec) throws IOException, InterruptedException {
        Objects.requireNonNull(spec, "spec");
        if (spec.writableDirs().stream().noneMatch(spec.workingDir()::startsWith)) {
            throw new IllegalArgumentException("the working directory " + spec.workingDir() + " is not writable for the command");
        }
        String id = spec.name() + "-" + randomHex();
        Path scratch = Files.createDirectories(baseDir.resolve(id));
        Optional<InstanceCgroup> cgroup = Optional.empty();
        try {
            cgroup = cgroupFor(id, spec);
            return runConfined(spec, scratch, cgroup);
        } finally {
            cgroup.ifPresent(InstanceCgroup::remove);
            FileTrees.delete(scratch);
        }
    }

    private CommandResult runConfined(CommandSpec spec, Path scratch, Optional<InstanceCgroup> cgroup)
            throws IOException, InterruptedException {
        Instant started = Instant.now();
        Process process = launcher.launch(planner.plan(spec, scratch), cgroup);
        OutputTail output = new OutputTail(spec.outputLimitBytes());
        Thread stdout = drain(process.getInputStream(), output);
        Thread stderr = drain(process.getErrorStream(), output);
        boolean finished;
        try {
            finished = process.waitFor(spec.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process, cgroup);
            process.waitFor(OUTPUT_DRAIN.toMillis(), TimeUnit.MILLISECONDS);
            throw e;
        }
        if (!finished) kill(process, cgroup);
        int status = process.waitFor();
        awaitDrained(stdout, process.getInputStream());
        awaitDrained(stderr, process.getErrorStream());
        Duration duration = Duration.between(started, Instant.now());
        boolean oomKilled = cgroup.map(InstanceCgroup::oomKilled).orElse(false);
        ExitReason exit = finished
                ? ExitClassifier.classify(status, false, oomKilled, spec.memoryLimitBytes(), output.lastLines())
                : new ExitReason(ExitReason.Kind.KILLED, status, "ended after running past its time limit of "
                        + describe(spec.timeLimit()));
        return new CommandResult(exit, !finished, output.text(), output.cutBytes(), duration, planner.isSandboxed());
    }

    @Override
    public boolean sandboxed() {
        return planner.isSandboxed();
    }

    @Override
    public String sandboxNote() {
        return planner.isSandboxed() ? "" : sandboxNote;
    }

    /** Removes the runner's cgroups; commands still running are not waited for. */
    @Override
    public void close() {
        cgroups.ifPresent(CgroupSupport::close);
        launcher.close();
    }

    private Optional<InstanceCgroup> cgroupFor(String id, CommandSpec spec) throws IOException {
        if (cgroups.isEmpty() || (spec.memoryLimitBytes() <= 0 && spec.cpuLimitMillis() <= 0)) return Optional.empty();
        return Optional.of(cgroups.get().create(id, spec.memoryLimitBytes(), spec.cpuLimitMillis()));
    }

    private String randomHex() {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Thread drain(InputStream in, OutputTail output) {
        return PipeReaders.start("fissile-command-output", () -> {
            try (in) {
                output.readAll(in);
            } catch (IOException ignored) {
                // the stream was closed after the command ended: what arrived is kept
            }
        });
    }

    /** Waits for the rest of the output; a pipe some leftover process still holds is closed instead. */
    private static void awaitDrained(Thread reader, InputStream in) throws InterruptedException {
        if (reader.join(OUTPUT_DRAIN)) return;
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is all that is asked
        }
        reader.join(OUTPUT_DRAIN);
    }

    private static void kill(Process process, Optional<InstanceCgroup> cgroup) {
        cgroup.ifPresent(InstanceCgroup::killAll);
        ProcessTree.killTree(process.toHandle());
    }

    private static SystemView systemView() {
        try {
            return SystemView.ofHost();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the system directories a sandbox shows", e);
        }
    }

    private static String describe(Duration limit) {
        long seconds = limit.toSeconds();
        if (seconds > 0 && seconds % 60 == 0) return seconds / 60 + " min";
        return seconds > 0 ? seconds + " s" : limit.toMillis() + " ms";
    }
}
