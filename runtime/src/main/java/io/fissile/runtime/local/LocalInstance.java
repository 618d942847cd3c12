package io.fissile.runtime.local;

import io.fissile.runtime.ExitReason;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An instance running as a local process. When the process ends, for whatever reason, the rest of
 * its processes are killed, its output is read to the end, the reason is worked out and (unless it
 * was stopped) written to its log, its resources are released, and only then {@link #exited()} completes.
 */
final class LocalInstance implements Instance {

    /** How long the output of an ended process may take to be read to its end. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(LocalInstance.class);

    private final LaunchRequest request;
    private final String id;
    private final InetSocketAddress address;
    private final InstanceView view;
    private final InstanceProcess process;
    private final InstanceOutput output;
    private final Consumer<LocalInstance> onEnd;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean ready;
    private volatile boolean servedFunction;
    private volatile ExitReason exitReason;

    LocalInstance(LaunchRequest request, InstanceView view, InstanceProcess process, InstanceOutput output,
                  Consumer<LocalInstance> onEnd) {
        this.request = request;
        this.id = request.id();
        this.address = new InetSocketAddress(ContractVariables.LOOPBACK, request.port());
        this.view = view;
        this.process = process;
        this.output = output;
        this.onEnd = onEnd;
    }

    /** Starts watching the process; {@code executor} runs the work after its end. */
    void watch(Executor executor) {
        process.process().onExit().thenRunAsync(this::ended, executor);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InstanceSpec spec() {
        return request.spec();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public Path userfuncDir() {
        return request.dir().userfunc();
    }

    @Override
    public Path secretsDir() {
        return request.dir().secrets();
    }

    @Override
    public Path configsDir() {
        return request.dir().configs();
    }

    @Override
    public String userfuncPathInInstance() {
        return view.userfunc();
    }

    @Override
    public void assignFunction(String namespace, String name) {
        Objects.requireNonNull(name, "name");
        servedFunction = true;
        output.assignFunction(namespace, name);
    }

    @Override
    public boolean isAlive() {
        return !exited.isDone() && process.isAlive();
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    @Override
    public Optional<ExitReason> exitReason() {
        return Optional.ofNullable(exitReason);
    }

    @Override
    public CompletableFuture<Void> stop(Duration grace) {
        if (stopRequested.compareAndSet(false, true) && !exited.isDone()) {
            if (grace == null || grace.isZero() || grace.isNegative()) {
                process.kill();
            } else {
                process.terminate();
                CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                    if (process.isAlive()) process.kill();
                });
            }
        }
        return exited.thenApply(status -> null);
    }

    @Override
    public String toString() {
        return id + "@" + address.getPort();
    }

    boolean isReady() {
        return ready && isAlive();
    }

    void markReady() {
        ready = true;
    }

    /** Whether it never served a function, so nothing of a function's code ever ran in it. */
    boolean stayedGeneric() {
        return !servedFunction;
    }

    LaunchRequest request() {
        return request;
    }

    InstanceProcess process() {
        return process;
    }

    List<String> recentOutput() {
        return output.recentLines();
    }

    /** The runtime's own process id (inside a sandbox, not bubblewrap's), for signals from outside. */
    long runtimePid() {
        return process.runtimeProcess().map(ProcessHandle::pid).orElse(process.process().pid());
    }

    private void ended() {
        int status = process.process().exitValue();
        try {
            process.kill();
            output.awaitEnd(OUTPUT_DRAIN);
            ExitReason reason = ExitClassifier.classify(status, stopRequested.get(), process.oomKilled(),
                    request.spec().memoryLimitBytes(), output.recentLines());
            exitReason = reason;
            if (reason.kind() != ExitReason.Kind.STOPPED) {
                output.note("Instance " + id + " " + reason.message());
                LOG.info("Instance {} of environment {} {}", id, request.spec().environmentName(), reason.message());
            }
            onEnd.accept(this);
        } catch (RuntimeException e) {
            LOG.warn("Cleaning up after instance {} failed", id, e);
        } finally {
            if (exitReason == null) exitReason = new ExitReason(ExitReason.Kind.EXITED, status, "exited with status " + status);
            exited.complete(status);
        }
    }
}
