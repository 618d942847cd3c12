package io.fissile.executor.poolmgr;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.ExecutionStrategy;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.executor.ExecutorOptions;
import io.fissile.executor.ExecutorStats;
import io.fissile.executor.FunctionExecutor;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.Lease;
import io.fissile.executor.fetch.ArchiveFetcher;
import io.fissile.executor.fetch.PackageCache;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.executor.instances.InstanceGroup;
import io.fissile.executor.instances.Waiter;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.Informer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The poolmgr executor, assembled: warm pools per environment, the function table, the specializer,
 * the package cache, the idle reaper, and the informer listeners that keep them current. Use it
 * through {@link io.fissile.executor.PoolManager}.
 */
public final class PoolmgrExecutor implements FunctionExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(PoolmgrExecutor.class);
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
    private final WarmPools pools;
    private final PoolSpecializer specializer;
    private final LiveStats stats;
    private final EnvironmentListener environmentListener;
    private final PackageChanges packageChanges = new PackageChanges();
    private final PackageListener packageListener;
    private final FunctionListener functionListener;
    private final ScheduledFuture<?> reaper;
    private volatile boolean closed;

    private PoolmgrExecutor(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                            Informer<Package> packages, Informer<Function> functions, ArchiveStore archives) {
        this.options = options;
        this.environments = environments;
        this.packages = packages;
        this.functions = functions;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "fissile-executor-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.table = new FunctionTable(timer, options.requestWait(), this::redirect);
        this.pools = new WarmPools(runtime, options.maxTerminationGrace());
        PackageCache cache = new PackageCache(options.workDir().resolve("packages"), new ArchiveFetcher(archives, http));
        this.specializer = new PoolSpecializer(environments, new PackageResolver(packages, packageChanges), cache, pools);
        this.stats = new LiveStats(table, pools);
        this.environmentListener = new EnvironmentListener(table);
        this.packageListener = new PackageListener(table, cache);
        this.functionListener = new FunctionListener(table);
        long interval = options.idleCheckInterval().toNanos();
        this.reaper = timer.scheduleWithFixedDelay(this::reapIdle, interval, interval, TimeUnit.NANOSECONDS);
    }

    public static PoolmgrExecutor start(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                                        Informer<Package> packages, Informer<Function> functions, ArchiveStore archives) {
        PoolmgrExecutor executor = new PoolmgrExecutor(options, runtime, environments, packages, functions, archives);
        // Pools first: when a spec change retires functions' instances, their next ones come from the new pool.
        environments.addListener(executor.pools);
        environments.addListener(executor.environmentListener);
        packages.addListener(executor.packageChanges);
        packages.addListener(executor.packageListener);
        functions.addListener(executor.functionListener);
        return executor;
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
        packages.removeListener(packageChanges);
        environments.removeListener(environmentListener);
        environments.removeListener(pools);
        reaper.cancel(false);
        CompletableFuture<Void> instancesGone = table.close(shuttingDown(null));
        CompletableFuture<Void> poolsGone = pools.close();
        try {
            CompletableFuture.allOf(instancesGone, poolsGone)
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

    /** No room at once: queue on the function's current group, making one for a new version. */
    private CompletableFuture<Lease> acquireWaiting(Function function) {
        if (closed) {
            return CompletableFuture.failedFuture(shuttingDown(null));
        }
        String type = function.spec().effectiveExecutorType();
        if (!ExecutionStrategy.POOLMGR.equals(type)) {
            return CompletableFuture.failedFuture(new FunctionUnavailableException("function \"" + function.namespace() + "/"
                    + function.name() + "\" uses executor type " + type + ", which the pool manager does not run", false, null));
        }
        try {
            for (;;) {
                CompletableFuture<Lease> queued = table.groupFor(function, specializer).enqueue();
                if (queued != null) return queued;
                // retired between the lookup and the queueing: the next lookup finds its successor
            }
        } catch (RejectedExecutionException e) {
            // the timer is gone: the executor closed while this request came in
            return CompletableFuture.failedFuture(shuttingDown(e));
        }
    }

    /** Requests that waited on a retired group try the function's current version. */
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
