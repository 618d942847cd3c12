package io.fissile.executor;

import io.fissile.api.v1.Function;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceSpec;

import java.util.concurrent.CompletableFuture;

/**
 * A runtime that keeps a function's dedicated instances together (a Kubernetes Deployment per
 * function, as Fission's newdeploy does) and so must know whose they are. The newdeploy executor
 * starts its instances here when the runtime implements this, else with
 * {@link io.fissile.runtime.InstanceRuntime#start}.
 */
public interface FunctionInstanceRuntime {

    /** Starts an instance dedicated to {@code function}, as {@link io.fissile.runtime.InstanceRuntime#start} does. */
    CompletableFuture<Instance> startFor(Function function, InstanceSpec spec);
}
