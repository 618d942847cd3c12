package io.fissile.executor.core;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.executor.ExecutorOptions;
import io.fissile.executor.ExecutorStats;
import io.fissile.executor.FunctionExecutor;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.Lease;
import io.fissile.executor.fetch.PackageCache;
import io.fissile.executor.mounts.FunctionMounts;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.executor.instances.InstanceGroup;
import io.fissile.executor.instances.Waiter;
import io.fissile.executor.specialize.Specializer;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.archive.ArchiveFetcher;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.Informer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An executor, assembled: the parts every executor type shares (function table, package cache,
 * specializer, idle reaper, the informer listeners that retire instances on updates, live stats)
 * and the executor types it runs, each function sent to the type its spec names. Use it through
 * {@link io.fissile.executor.PoolManager} or {@link io.fissile.executor.FunctionExecutors}.
 */
public final class ExecutorCore implements FunctionExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorCore.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Beyond the stop grace, how long closing waits for instances to be gone. */
    private static final Duration CLOSE_EXTRA_WAIT = Duration.ofSeconds(5);

    private final ExecutorOptions options;
    private final Informer<Environment> environments;
    private final Informer<Package> packages;
    private final Informer<Function> functions;
    private final ScheduledThreadPoolExecutor timer;
    private final HttpClient http;
    private final FunctionTable table;
    private final FunctionMounts mounts;
    private final Specializer specializer;
    private final Map<String, ExecutorType> types;
    private final String unsupportedTypeRefusal;
    private final LiveStats stats;
    private final EnvironmentListener environmentListener;
    private final PackageListener packageListener;
    private final FunctionListener functionListener;
    private final ScheduledFuture<?> reaper;
    private volatile boolean closed;

    private ExecutorCore(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                         Informer<Package> packages, Informer<Function> functions, ArchiveStore archives,
                         FunctionMounts mounts, List<ExecutorType.Factory> typeFactories, String unsupportedTypeRefusal) {
        this.options = options;
        this.environments = environments;
        this.packages = packages;
        this.functions = functions;
        this.unsupportedTypeRefusal = unsupportedTypeRefusal;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "fissile-executor-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.table = new FunctionTable(timer, this::redirect);
        PackageCache cache = new PackageCache(options.workDir().resolve("packages"), new ArchiveFetcher(archives, http));
        this.mounts = mounts;
        this.specializer = new Specializer(environments, packages, cache, mounts, options.maxTerminationGrace());
        this.types = startTypes(typeFactories, new ExecutorParts(options, runtime, environments, packages, functions,
                timer, table, specializer));
        this.stats = new LiveStats(table, () -> types.values().stream().flatMap(type -> type.pools().stream()).toList());
        this.environmentListener = new EnvironmentListener(table);
        this.packageListener = new PackageListener(table, cache);
        this.functionListener = new FunctionListener(table);
        long interval = options.idleCheckInterval().toNanos();
        this.reaper = timer.scheduleWithFixedDelay(this::reapIdle, interval, interval, TimeUnit.NANOSECONDS);
    }

    /**
     * Starts an executor running the given types.
     *
     * @param mounts                 the secrets and config maps functions name; closed with the executor
     * @param unsupportedTypeRefusal ends the message a function of another type gets, e.g.
     *                               {@code ", which the pool manager does not run"}
     */
    public static ExecutorCore start(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                                     Informer<Package> packages, Informer<Function> functions, ArchiveStore archives,
                                     FunctionMounts mounts, List<ExecutorType.Factory> types, String unsupportedTypeRefusal) {
        // The types, made first, listen first: when a spec change retires functions' instances, their
        // next ones come from what the type made of the change (a fresh warm pool).
        ExecutorCore core = new ExecutorCore(options, runtime, environments, packages, functions, archives, mounts, types,
                unsupportedTypeRefusal);
        environments.addListener(core.environmentListener);
        packages.addListener(core.specializer.packageChanges());
        packages.addListener(core.packageListener);
        functions.addListener(core.functionListener);
        return core;
    }

    @Override
    public CompletableFuture<Lease> acquire(Function function) {
        InstanceGroup group = table.current(function.namespace(), function.name());
        if (group != null && group.serves(function)) {
            Lease lease = group.tryLease();
            if (lease != null) return CompletableFuture.completedFuture(lease);
        }
        return acquireWaiting(function);
    }

    public ExecutorStats stats() {
        return stats;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        functions.removeListener(functionListener);
        packages.removeListener(packageListener);
        packages.removeListener(specializer.packageChanges());
        environments.removeListener(environmentListener);
        mounts.close();
        reaper.cancel(false);
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (ExecutorType type : types.values()) stopping.add(type.close());
        stopping.add(table.close(shuttingDown(null)));
        try {
            CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
                    .get(options.maxTerminationGrace().plus(CLOSE_EXTRA_WAIT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("Not every instance stopped in time while the executor closed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
            http.close();
        }
    }

    private static Map<String, ExecutorType> startTypes(List<ExecutorType.Factory> factories, ExecutorParts parts) {
        Map<String, ExecutorType> started = new LinkedHashMap<>();
        for (ExecutorType.Factory factory : factories) {
            ExecutorType type = factory.start(parts);
            started.put(type.name(), type);
        }
        return Collections.unmodifiableMap(started);
    }

    /** No room at once: queue on the function's current group, making one for a new version. */
    private CompletableFuture<Lease> acquireWaiting(Function function) {
        if (closed) {
            return CompletableFuture.failedFuture(shuttingDown(null));
        }
        String typeName = function.spec().effectiveExecutorType();
        ExecutorType type = types.get(typeName);
        if (type == null) {
            return CompletableFuture.failedFuture(new FunctionUnavailableException(Specializer.describe(function)
                    + " uses executor type " + typeName + unsupportedTypeRefusal, false, null));
        }
        try {
            for (;;) {
                CompletableFuture<Lease> queued = table.groupFor(function, type.source()).enqueue();
                if (queued != null) return queued;
                // retired between the lookup and the queueing: the next lookup finds its successor
            }
        } catch (RejectedExecutionException e) {
            // the timer is gone: the executor closed while this request came in
            return CompletableFuture.failedFuture(shuttingDown(e));
        }
    }

    /** Requests that waited on a retired group try the function's current version, whatever its type now. */
    private void redirect(InstanceGroup from, List<Waiter> waiters) {
        Function current = functions.get(from.namespace(), from.name()).orElse(from.function());
        for (Waiter waiter : waiters) {
            acquire(current).whenComplete((lease, error) -> {
                if (error != null) {
                    waiter.future().completeExceptionally(error);
                } else if (!waiter.future().complete(lease)) {
                    lease.release();
                }
            });
        }
    }

    private static FunctionUnavailableException shuttingDown(Throwable cause) {
        return new FunctionUnavailableException("the executor is shutting down", true, cause);
    }

    private void reapIdle() {
        try {
            table.reapIdle();
        } catch (RuntimeException e) {
            LOG.warn("Checking instances for idleness failed", e);
        }
    }
}
