/**
 * The executor: turns a function into an instance ready for its requests.
 * <p>
 * {@link io.fissile.executor.FunctionExecutor} and {@link io.fissile.executor.Lease} are what the
 * router uses; {@link io.fissile.executor.FunctionExecutors} runs every executor type (poolmgr and
 * newdeploy), {@link io.fissile.executor.PoolManager} poolmgr alone (construct them with
 * {@link io.fissile.executor.ExecutorOptions}); {@link io.fissile.executor.ExecutorStats} is a
 * read-only view for metrics. Implementation lives beneath: {@code core} (an executor assembled from
 * its types), {@code instances} (what every executor type shares: a function's instances, leases,
 * capacity and waiting, idleness, death), {@code specialize} (making an instance run a function),
 * {@code poolmgr} (warm pools), {@code newdeploy} (dedicated instances and the autoscaler) and
 * {@code fetch} (packages on disk).
 */
package io.fissile.executor;
