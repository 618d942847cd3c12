package io.fissile.router;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/** A process the proxy tests lease to the router as a function instance. */
interface UpstreamInstance extends AutoCloseable {

    InetSocketAddress address();

    /** Completes with the exit status when the process ends. */
    CompletableFuture<Integer> exited();

    /** Everything the process wrote so far. */
    String output();

    /** Kills the process. */
    @Override
    void close();
}
