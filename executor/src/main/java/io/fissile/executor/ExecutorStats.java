package io.fissile.executor;

import io.fissile.api.v1.ExecutionStrategy;

import java.util.List;
import java.util.Optional;

/**
 * A read-only view of what an executor runs, for metrics and status pages. Each call reads the live
 * state; nothing here changes it.
 */
public interface ExecutorStats {

    /** Every function with instances, requests in flight or requests waiting. */
    List<FunctionCounts> functions();

    /** Every environment's warm pool (poolmgr's). */
    List<PoolCounts> pools();

    /** Instances made ready for a function (specializations that succeeded) since the executor started. */
    long coldStarts();

    /** Specializations that failed since the executor started. */
    long coldStartErrors();

    /** The counts of one function, if it has any instance or request. */
    default Optional<FunctionCounts> function(String namespace, String name) {
        return functions().stream()
                .filter(counts -> counts.namespace().equals(namespace) && counts.name().equals(name))
                .findFirst();
    }

    /** The pool of one environment, if it has one. */
    default Optional<PoolCounts> pool(String namespace, String name) {
        return pools().stream()
                .filter(counts -> counts.namespace().equals(namespace) && counts.name().equals(name))
                .findFirst();
    }

    /** Instances of an environment: its warm ones and those specialized for its functions. */
    default int instancesOfEnvironment(String namespace, String name) {
        int warm = pool(namespace, name).map(PoolCounts::warm).orElse(0);
        return warm + functions().stream()
                .filter(counts -> counts.environmentNamespace().equals(namespace) && counts.environmentName().equals(name))
                .mapToInt(FunctionCounts::instances)
                .sum();
    }

    /** The functions one executor type runs (poolmgr, newdeploy). */
    default List<FunctionCounts> functionsOf(String executorType) {
        return functions().stream().filter(counts -> counts.executorType().equals(executorType)).toList();
    }

    /**
     * @param instances        running instances specialized for the function (old versions still
     *                         finishing their requests included)
     * @param requestsInFlight requests holding a lease
     * @param requestsWaiting  requests waiting for room or for a specialization
     * @param executorType     the executor type of the function's current version (poolmgr, newdeploy)
     */
    record FunctionCounts(String namespace, String name, String environmentNamespace, String environmentName,
                          int instances, int requestsInFlight, int requestsWaiting, String executorType) {

        /** Counts of a poolmgr function. */
        public FunctionCounts(String namespace, String name, String environmentNamespace, String environmentName,
                              int instances, int requestsInFlight, int requestsWaiting) {
            this(namespace, name, environmentNamespace, environmentName, instances, requestsInFlight, requestsWaiting,
                    ExecutionStrategy.POOLMGR);
        }
    }

    /**
     * @param size      the warm instances the environment asks for
     * @param warm      warm instances ready now
     * @param lastError why the last attempt to start one failed, while starting fails
     */
    record PoolCounts(String namespace, String name, int size, int warm, Optional<String> lastError) {
    }
}
