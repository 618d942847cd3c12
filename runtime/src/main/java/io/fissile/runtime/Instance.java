package io.fissile.runtime;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One running instance of an environment's runtime. */
public interface Instance {

    /** Unique among all instances of this runtime, e.g. {@code nodejs-7f3a9c}; used in logs. */
    String id();

    InstanceSpec spec();

    /** Where the instance serves HTTP (127.0.0.1 and its port for local processes). */
    InetSocketAddress address();

    /**
     * The directory, on the server's side, where the executor places the function's package
     * before specializing; it is private to this instance.
     */
    Path userfuncDir();

    /**
     * The directory, on the server's side, where the executor writes the secrets the function may
     * read, as {@code <namespace>/<name>/<key>}; the instance sees it read-only at {@code SECRETS_DIR}
     * ({@code /secrets} in a sandbox). Private to this instance; rewritten when a secret changes.
     */
    Path secretsDir();

    /** As {@link #secretsDir()}, for config maps ({@code CONFIGS_DIR}, {@code /configs} in a sandbox). */
    Path configsDir();

    /**
     * The same directory as the instance's own code sees it: {@code /userfunc} inside a sandbox,
     * else the host path. Paths sent in a specialize request are built from this.
     */
    String userfuncPathInInstance();

    /**
     * Tags the instance's later log lines with the function it now serves (after specialization),
     * so that {@code fissile fn logs} finds them.
     */
    void assignFunction(String namespace, String name);

    boolean isAlive();

    /**
     * Completes with the exit status when the instance's process ends, for whatever reason; by then
     * {@link #exitReason()} says why and the instance is no longer among the runtime's instances.
     */
    CompletableFuture<Integer> exited();

    /**
     * Why the instance ended, once it has; empty while it runs (or when a runtime cannot tell).
     * An executor answers a request whose instance ended with {@link ExitReason#outOfMemory()} with
     * a 5xx saying that the function exceeded its memory limit.
     */
    default Optional<ExitReason> exitReason() {
        return Optional.empty();
    }

    /**
     * Stops the instance: SIGTERM, then SIGKILL after {@code grace}; removes its private files.
     * Completes when it is gone. Stopping a stopped instance does nothing.
     */
    CompletableFuture<Void> stop(Duration grace);
}
