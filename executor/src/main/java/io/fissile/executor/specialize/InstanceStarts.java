package io.fissile.executor.specialize;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionInstanceRuntime;
import io.fissile.runtime.Instance;
import io.fissile.runtime.InstanceRuntime;
import io.fissile.runtime.InstanceSpec;
import io.fissile.runtime.InstanceStartException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting one instance and waiting for it, no longer than a caller can wait. */
public final class InstanceStarts {

    private InstanceStarts() {
    }

    /**
     * Starts an instance and waits until it is up. An instance nobody waits for any more (the time ran
     * out, or the caller was interrupted) is cancelled: the runtime stops it once it is up.
     *
     * @param owner what the instance is for, in words, e.g. {@code environment "default/nodejs"}
     * @throws InstanceStartException saying why, in terms of {@code owner}
     */
    public static Instance start(InstanceRuntime runtime, InstanceSpec spec, Duration timeout, String owner)
            throws InterruptedException {
        return await(runtime.start(spec), timeout, owner);
    }

    /**
     * As {@link #start}, for an instance dedicated to {@code function}: a runtime that keeps such
     * instances per function ({@link FunctionInstanceRuntime}) is told whose it is.
     */
    public static Instance startFor(InstanceRuntime runtime, Function function, InstanceSpec spec, Duration timeout,
                                    String owner) throws InterruptedException {
        CompletableFuture<Instance> started = runtime instanceof FunctionInstanceRuntime perFunction
                ? perFunction.startFor(function, spec) : runtime.start(spec);
        return await(started, timeout, owner);
    }

    private static Instance await(CompletableFuture<Instance> started, Duration timeout, String owner)
            throws InterruptedException {
        try {
            return started.get(Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            started.cancel(true);
            throw new InstanceStartException("no instance of " + owner + " became ready in time");
        } catch (InterruptedException e) {
            started.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new InstanceStartException(failureMessage(owner, e.getCause()), e.getCause());
        }
    }

    /** E.g. {@code environment "default/nodejs" cannot start instances: Unknown environment image "..."}. */
    public static String failureMessage(String owner, Throwable cause) {
        return owner + " cannot start instances: " + (cause == null ? "unknown error" : cause.getMessage());
    }
}
