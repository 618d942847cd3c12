package io.fissile.executor;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.api.v1.ConfigMap;
import io.fissile.api.v1.Secret;
import io.fissile.executor.container.ContainerType;
import io.fissile.executor.mounts.FunctionMounts;
import io.fissile.executor.core.ExecutorCore;
import io.fissile.executor.newdeploy.NewdeployType;
import io.fissile.executor.poolmgr.PoolmgrType;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.Informer;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Every executor type Fissile runs, behind one {@link FunctionExecutor}: each function goes to the
 * type its {@code InvokeStrategy.ExecutionStrategy.ExecutorType} names.
 *
 * <pre>{@code
 * FunctionExecutors executor = FunctionExecutors.start(ExecutorOptions.defaults(dataDir.resolve("executor")),
 *         runtime, environmentInformer, packageInformer, functionInformer, archiveStore);
 * Lease lease = executor.acquire(function).join();
 * try { ... send the request to lease.address() ... } finally { lease.release(); }
 * }</pre>
 *
 * <ul>
 *   <li><b>poolmgr</b> (the default): warm generic instances per environment, specialized on a
 *       function's first request; see {@link PoolManager} for its capacity and idleness rules.</li>
 *   <li><b>newdeploy</b>: instances dedicated to the function, started and specialized for it alone,
 *       between {@code MinScale} and {@code MaxScale} (MaxScale defaults to MinScale, at least 1).
 *       MinScale instances run from the function's creation and are never reaped. An autoscaler
 *       ({@link ExecutorOptions#autoscaling()}) follows the function's concurrency: it aims at
 *       {@code requestsPerPod} requests per instance over a 60 s stable window, reacts to bursts over
 *       a 6 s panic window, and drains instances the load no longer needs. With MinScale 0 the last
 *       instance stops after {@code idletimeout}, and the next request starts one again: it waits for
 *       it (as every request that finds the instances full does) up to the function's
 *       {@code functionTimeout} instead of being refused.</li>
 *   <li><b>container</b>: newdeploy's dedicated instances and scaling, each one the function's own
 *       program instead of a specialized environment: its {@code spec.podspec}'s one container's
 *       {@code command} and {@code args}, run in the same sandbox with the function's package (if it
 *       names one) as {@code /userfunc} and working directory. It must serve HTTP on the port in
 *       {@code PORT} (its {@code containerPort} is the port in Kubernetes); {@code $(PORT)} in its
 *       command or args is replaced by that port. It is ready once the port accepts connections.</li>
 * </ul>
 * Updates, failures and idleness otherwise work alike for all three.
 */
public final class FunctionExecutors implements FunctionExecutor {

    private final ExecutorCore executor;

    private FunctionExecutors(ExecutorCore executor) {
        this.executor = executor;
    }

    /** Starts the executor for functions that name no secrets or config maps. */
    public static FunctionExecutors start(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                                          Informer<Package> packages, Informer<Function> functions, ArchiveStore archives) {
        return start(options, runtime, environments, packages, functions, archives, null, null);
    }

    /**
     * Starts the executor: warm pools begin filling, and newdeploy functions with a MinScale get their
     * instances. A function's {@code spec.secrets} and {@code spec.configmaps} appear as files in its
     * instances ({@code /secrets/<namespace>/<name>/<key>}, {@code /configs/...}) and follow changes
     * while they run; its {@code spec.env} is in its process's environment, whatever the executor type.
     */
    public static FunctionExecutors start(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                                          Informer<Package> packages, Informer<Function> functions, ArchiveStore archives,
                                          Informer<Secret> secrets, Informer<ConfigMap> configMaps) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(archives, "archives");
        return new FunctionExecutors(ExecutorCore.start(options, runtime, environments, packages, functions, archives,
                new FunctionMounts(secrets, configMaps), List.of(PoolmgrType::start, NewdeployType::start, ContainerType::start),
                ", which Fissile does not run"));
    }

    @Override
    public CompletableFuture<Lease> acquire(Function function) {
        return executor.acquire(function);
    }

    /** Live counts for metrics: instances per function (with its executor type) and environment, pool sizes, cold starts. */
    public ExecutorStats stats() {
        return executor.stats();
    }

    @Override
    public void close() {
        executor.close();
    }
}
