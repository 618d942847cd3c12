/**
 * The executor: turns a function into an instance ready for its requests.
 * <p>
 * {@link io.fissile.executor.FunctionExecutor} and {@link io.fissile.executor.Lease} are what the
 * router uses; {@link io.fissile.executor.PoolManager} is the poolmgr executor (construct it with
 * {@link io.fissile.executor.ExecutorOptions}); {@link io.fissile.executor.ExecutorStats} is a
 * read-only view for metrics. Implementation lives beneath: {@code instances} (what every executor
 * type shares: a function's instances, leases, capacity and waiting, idleness, death),
 * {@code poolmgr} (warm pools and specialization) and {@code fetch} (packages on disk).
 */
package io.fissile.executor;
