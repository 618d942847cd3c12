/**
 * The fetcher sidecar of every runtime pod ({@link io.fissile.kubernetes.fetcher.Fetcher}, with a
 * {@code main}): places a package, a function's secrets and config maps, then specializes the runtime.
 */
package io.fissile.kubernetes.fetcher;
