package io.fissile.executor;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Room for one request on one instance. Exactly one of {@link #release} or {@link #releaseBroken}
 * must be called when the request is done; until then the instance counts the request as in
 * flight (and is not reaped as idle).
 */
public interface Lease {

    /** Where to send the request. */
    InetSocketAddress address();

    /** The instance's id, for logs and error messages. */
    String instanceId();

    /** True when this request had to wait for an instance to be specialized. */
    boolean coldStart();

    /**
     * Completes, with a message saying why (e.g. "exited with status 137: ended for exceeding its
     * memory limit of 128Mi"), if the instance ends while the lease is held, so that the router can
     * answer at once instead of waiting for the function's timeout.
     */
    CompletableFuture<String> instanceEnded();

    /** The request finished (whatever its status). */
    void release();

    /**
     * The instance could not be reached or broke the connection: the executor stops sending it
     * requests until it has checked it.
     */
    void releaseBroken(Throwable cause);
}
