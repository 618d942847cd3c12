package io.fissile.runtime.local;

import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;
import io.fissile.runtime.RuntimeCapabilities;
import io.fissile.runtime.RuntimeKind;
import io.fissile.runtime.local.cgroup.CgroupProbe;
import io.fissile.runtime.local.cgroup.CgroupSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Function instances as local OS processes on loopback ports: sandboxed with bubblewrap and limited
 * with cgroups where the machine allows (see {@link #capabilities()}), their output in the
 * {@link io.fissile.runtime.FunctionLogs}. Create one per server with {@link #create}; it first
 * removes what a previous run left, then starts instances on demand.
 *
 * <pre>{@code
 * InstanceRuntime runtime = LocalProcessRuntime.create(
 *         LocalRuntimeOptions.defaults(dataDir.resolve("runtime"), logs));
 * Instance instance = runtime.start(InstanceSpec.of("default", "nodejs", "fission/node-env")).join();
 * }</pre>
 */
public final class LocalProcessRuntime implements InstanceRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(LocalProcessRuntime.class);
    /** Tries with a fresh port when a runtime finds its port taken by someone else. */
    private static final int START_ATTEMPTS = 3;
    private static final Duration CLOSE_EXTRA_WAIT = Duration.ofSeconds(5);
    private static final int SIGKILL_STATUS = 128 + 9;

    private final LocalRuntimeOptions options;
    private final RuntimeCapabilities capabilities;
    private final Optional<CgroupSupport> cgroups;
    private final RuntimeInstaller installer;
    private final PortAllocator ports = new PortAllocator();
    private final SharedArchives archives;
    private final ProcessLauncher processes = new ProcessLauncher();
    private final InstanceLauncher launcher;
    /** Starts and exits are handled on virtual threads of their own; nothing to shut down, so no exit goes unhandled. */
    private final Executor tasks = task -> Thread.ofVirtual().name("fissile-instance-task").start(task);
    private final Map<String, LocalInstance> live = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LocalProcessRuntime(LocalRuntimeOptions options, Path baseDir, SandboxProbe.Choice sandbox,
                                CgroupProbe.Result cgroups) {
        this.options = options;
        this.cgroups = cgroups.available();
        this.capabilities = Capabilities.describe(sandbox, cgroups);
        Path runtimesDir = baseDir.resolve("runtimes");
        this.installer = new RuntimeInstaller(runtimesDir, LocalProcessRuntime.class.getClassLoader());
        this.archives = new SharedArchives(runtimesDir.resolve("cds"), sandbox.confinement().sandboxed());
        this.launcher = new InstanceLauncher(baseDir.resolve("instances"), ports, sandbox.confinement(), this.cgroups,
                archives, processes, options.logs());
    }

    /**
     * Prepares a runtime: removes instance directories, processes and cgroups a previous run left,
     * and finds out whether sandboxes and cgroups work here.
     *
     * @throws IllegalStateException when {@link LocalRuntimeOptions.SandboxMode#REQUIRED} and no sandbox works
     * @throws UncheckedIOException when the base directory cannot be prepared
     */
    public static LocalProcessRuntime create(LocalRuntimeOptions options) {
        Objects.requireNonNull(options, "options");
        Path baseDir = options.baseDir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(baseDir.resolve("instances"));
            Files.createDirectories(baseDir.resolve("runtimes"));
            LeftoverInstances.removeAll(baseDir.resolve("instances"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the runtime's directory " + baseDir, e);
        }
        SandboxProbe.Choice sandbox = SandboxProbe.choose(options.sandbox(), baseDir);
        CgroupProbe.Result cgroups = options.cgroups() == LocalRuntimeOptions.CgroupMode.OFF
                ? new CgroupProbe.Result(null, "cgroups are turned off")
                : CgroupProbe.probe(Integer.toHexString(baseDir.toString().hashCode()));
        LocalProcessRuntime runtime = new LocalProcessRuntime(options, baseDir, sandbox, cgroups);
        LOG.info("Local instance runtime in {}: {}", baseDir, runtime.capabilities.notes());
        return runtime;
    }

    @Override
    public CompletableFuture<Instance> start(InstanceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (closed) return CompletableFuture.failedFuture(new InstanceStartException("The instance runtime is closed"));
        Optional<RuntimeKind> kind = RuntimeKind.forImage(spec.image());
        if (kind.isEmpty() && spec.userCommand() == null) {
            return CompletableFuture.failedFuture(new InstanceStartException("Unknown environment image \"" + spec.image()
                    + "\": Fissile runs " + RuntimeKind.knownImages()));
        }
        CompletableFuture<Instance> result = new CompletableFuture<>();
        tasks.execute(() -> {
            try {
                // A user command runs in place of the image's runtime.
                Instance instance = startReady(spec, spec.userCommand() != null ? null : kind.get());
                // Nobody will ever use an instance whose start was cancelled or timed out meanwhile: stop it.
                if (!result.complete(instance)) instance.stop(Duration.ZERO);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Ready instances not yet known to have ended (instances still starting are not listed). */
    @Override
    public List<Instance> instances() {
        return live.values().stream().filter(LocalInstance::isReady).map(Instance.class::cast).toList();
    }

    @Override
    public RuntimeCapabilities capabilities() {
        return capabilities;
    }

    /** Stops every instance (SIGTERM, then SIGKILL after the close grace) and removes the runtime's cgroups. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        List<CompletableFuture<Void>> stopping = live.values().stream()
                .map(instance -> instance.stop(options.closeGrace())).toList();
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
                    .get(options.closeGrace().plus(CLOSE_EXTRA_WAIT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("Not every instance ended in time: {}", live.keySet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cgroups.ifPresent(CgroupSupport::close);
        processes.close();
    }

    /** @param kind the runtime to start, or null for the spec's user command */
    private Instance startReady(InstanceSpec spec, RuntimeKind kind) {
        InstalledRuntime runtime = kind == null ? null : installer.install(kind);
        for (int attempt = 1; ; attempt++) {
            LocalInstance instance = launcher.launch(spec, runtime, this::ended);
            live.put(instance.id(), instance);
            instance.watch(tasks);
            if (closed) instance.stop(Duration.ZERO);
            ReadinessProbe.Outcome outcome = awaitReady(instance);
            switch (outcome) {
                case READY -> {
                    instance.markReady();
                    return instance;
                }
                case EXITED -> {
                    instance.exited().join();
                    if (attempt < START_ATTEMPTS && lostItsPort(instance)) continue;
                    throw StartFailure.exited(instance);
                }
                case TIMED_OUT -> {
                    instance.stop(Duration.ZERO).join();
                    throw StartFailure.timedOut(instance, options.startTimeout());
                }
            }
        }
    }

    private ReadinessProbe.Outcome awaitReady(LocalInstance instance) {
        try {
            return ReadinessProbe.await(instance.address(), instance::isAlive, options.startTimeout());
        } catch (InterruptedException e) {
            instance.stop(Duration.ZERO);
            Thread.currentThread().interrupt();
            throw new InstanceStartException("Interrupted while instance " + instance.id() + " started", e);
        }
    }

    private static boolean lostItsPort(LocalInstance instance) {
        return instance.recentOutput().stream().anyMatch(line -> line.contains("EADDRINUSE")
                || line.toLowerCase(Locale.ROOT).contains("address already in use"));
    }

    /** Releases what an ended instance held; runs before its {@code exited()} completes. */
    private void ended(LocalInstance instance) {
        live.remove(instance.id());
        LaunchRequest request = instance.request();
        ports.release(request.port());
        if (request.sharedArchive() != null && endedCleanly(instance) && instance.stayedGeneric()) {
            archives.adopt(request.runtime(), request.sharedArchive());
        }
        instance.process().removeCgroup();
        request.dir().delete();
    }

    /** Stopped and ended by itself: a JVM killed after the grace period may have left half an archive. */
    private static boolean endedCleanly(LocalInstance instance) {
        return instance.exitReason()
                .map(reason -> reason.kind() == ExitReason.Kind.STOPPED && reason.status() != SIGKILL_STATUS)
                .orElse(false);
    }
}
