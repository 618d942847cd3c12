package io.fissile.executor;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.executor.mounts.FunctionMounts;
import io.fissile.executor.core.ExecutorCore;
import io.fissile.executor.poolmgr.PoolmgrType;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.storage.ArchiveStore;
import io.fissile.store.Informer;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The poolmgr executor, Fission's default: each environment keeps {@code poolsize} warm generic
 * instances; a function's first request specializes one of them (fetch its package, then the
 * environment's specialize call), and later requests reuse it while it has room.
 *
 * <pre>{@code
 * PoolManager executor = PoolManager.start(ExecutorOptions.defaults(dataDir.resolve("executor")),
 *         runtime, environmentInformer, packageInformer, functionInformer, archiveStore);
 * Lease lease = executor.acquire(function).join();
 * try { ... send the request to lease.address() ... } finally { lease.release(); }
 * }</pre>
 *
 * <ul>
 *   <li><b>Capacity.</b> An instance serves {@code requestsPerPod} requests at once; a function has
 *       at most {@code concurrency} instances, specialized one at a time. A request that finds no
 *       room waits, first come first served, up to {@link ExecutorOptions#requestWait()}, then gets
 *       a {@link TooManyRequestsException}.</li>
 *   <li><b>Idleness.</b> An instance without a request for {@code idletimeout} seconds is stopped
 *       ({@code retainPods} of them are kept). An idle timeout of 0 stops an instance at the first idle
 *       check after its last request, as Fission's reaper does.</li>
 *   <li><b>Updates.</b> When a function, its package or its environment's spec changes, new requests
 *       go to new instances; the old ones take no more and stop once their requests end. A deleted
 *       function's instances go the same way.</li>
 *   <li><b>Failures.</b> An instance that ends is replaced on the next request; one a caller could not
 *       reach ({@link Lease#releaseBroken}) is checked and replaced if broken, never retried forever.
 *       A version whose code does not load fails the requests waiting for it with the environment's
 *       error, and new requests at once for a second (so that a flood of them does not burn a warm
 *       instance each); a changed function, package or environment tries again at once. An
 *       environment whose instances cannot start backs off and reports its last error.</li>
 * </ul>
 * The informers are the caller's (shared with other components); the executor only listens to them.
 * {@link #close()} stops every instance it started, warm or specialized.
 * <p>
 * {@link FunctionExecutors} runs poolmgr the same way, beside the other executor types.
 */
public final class PoolManager implements FunctionExecutor {

    private final ExecutorCore executor;

    private PoolManager(ExecutorCore executor) {
        this.executor = executor;
    }

    /** Starts the executor: warm pools begin filling for every environment the informer knows. */
    public static PoolManager start(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                                    Informer<Package> packages, Informer<Function> functions, ArchiveStore archives) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(environments, "environments");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(archives, "archives");
        return new PoolManager(ExecutorCore.start(options, runtime, environments, packages, functions, archives, FunctionMounts.none(),
                List.of(PoolmgrType::start), ", which the pool manager does not run"));
    }

    /**
     * {@inheritDoc}
     * <p>
     * Only functions whose executor type is {@code poolmgr} (or unset) are served here; others fail
     * with a {@link FunctionUnavailableException} that says so.
     */
    @Override
    public CompletableFuture<Lease> acquire(Function function) {
        return executor.acquire(function);
    }

    /** Live counts for metrics: instances per function and environment, pool sizes, cold starts. */
    public ExecutorStats stats() {
        return executor.stats();
    }

    @Override
    public void close() {
        executor.close();
    }
}
