package io.fissile.executor;

import io.fissile.api.v1.Function;

import java.util.concurrent.CompletableFuture;

/**
 * Gives the router an instance to send a function's request to. This is the data path: when an
 * instance of the function has room, {@link #acquire} completes at once, in memory, with no
 * network round trip and no store access.
 */
public interface FunctionExecutor extends AutoCloseable {

    /**
     * Reserves room for one request on an instance running the function's current version (its
     * resourceVersion and its package's). When no instance has room, one is specialized (a cold
     * start: taken from the environment's warm pool, or started if the pool is empty), but only one
     * at a time per function: concurrent first requests share it.
     * <p>
     * The future fails with:
     * <ul>
     *   <li>{@link TooManyRequestsException} when the function is at its concurrency limit and no
     *       room appears within the wait the executor allows (the router answers 429);</li>
     *   <li>{@link FunctionUnavailableException} when an instance cannot be made ready (missing or
     *       failed package, environment missing, code that does not load, specialization timeout):
     *       the message says which and why (the router answers 500 or 503 with it).</li>
     * </ul>
     */
    CompletableFuture<Lease> acquire(Function function);

    /** Stops every instance this executor manages. */
    @Override
    void close();
}
