package io.fissile.executor.core;

import io.fissile.api.v1.Environment;
import io.fissile.api.v1.Function;
import io.fissile.api.v1.Package;
import io.fissile.executor.ExecutorOptions;
import io.fissile.executor.instances.FunctionTable;
import io.fissile.executor.specialize.Specializer;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.store.Informer;

import java.util.concurrent.ScheduledExecutorService;

/**
 * What every executor type of one executor shares.
 *
 * @param timer       the executor's one timer thread: scheduled work must be short and never block
 * @param table       every function's instances, whatever their type
 * @param specializer makes an instance run a function, given where to get the instance
 */
public record ExecutorParts(ExecutorOptions options, InstanceRuntime runtime, Informer<Environment> environments,
                            Informer<Package> packages, Informer<Function> functions, ScheduledExecutorService timer,
                            FunctionTable table, Specializer specializer) {
}
