package io.fissile.executor;

import io.fissile.executor.specialize.InstanceCall;

import java.io.IOException;
import java.time.Duration;

/**
 * An instance whose files the executor cannot write, because it runs elsewhere (a Kubernetes pod):
 * a fetcher beside it places the package, the secrets and the config maps and then makes the
 * environment's specialize call. A runtime's {@link io.fissile.runtime.Instance} that also implements
 * this is specialized through {@link #specialize}; every other instance gets its files written on
 * this machine, as before.
 */
public interface RemoteInstance {

    /**
     * Has the fetcher place the package and load the function; completes with the environment's
     * answer to its specialize call (or the fetcher's own error status and text).
     *
     * @throws IOException when the fetcher cannot be reached or breaks off
     */
    InstanceCall.Response specialize(RemoteSpecialization request, Duration timeout) throws IOException, InterruptedException;
}
