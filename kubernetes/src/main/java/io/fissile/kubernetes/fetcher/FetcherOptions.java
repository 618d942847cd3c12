package io.fissile.kubernetes.fetcher;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a {@link Fetcher} runs.
 *
 * @param listen              where it serves {@code POST /specialize} (all addresses, port 8000, in a pod)
 * @param userfuncDir         the userfunc volume, as the fetcher sees it
 * @param secretsDir          the secrets volume, where it writes {@code <namespace>/<name>/<key>}
 * @param configsDir          the configs volume
 * @param runtimeUserfuncPath the userfunc volume as the runtime container sees it ({@code /userfunc}), for
 *                            the {@code filepath} of the specialize call
 * @param runtime             the runtime container's server (127.0.0.1:8888 in a pod)
 * @param cacheDir            where archives are downloaded and unpacked before placing
 * @param kubernetes          the API client to read Secrets and ConfigMaps with, made when first needed
 */
public record FetcherOptions(InetSocketAddress listen, Path userfuncDir, Path secretsDir, Path configsDir,
                             String runtimeUserfuncPath, InetSocketAddress runtime, Path cacheDir,
                             Supplier<KubernetesClient> kubernetes) {

    public FetcherOptions {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(userfuncDir, "userfuncDir");
        Objects.requireNonNull(secretsDir, "secretsDir");
        Objects.requireNonNull(configsDir, "configsDir");
        Objects.requireNonNull(runtimeUserfuncPath, "runtimeUserfuncPath");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(kubernetes, "kubernetes");
    }

    /**
     * From the sidecar's variables ({@link io.fissile.kubernetes.model.FetcherSidecar}): FETCHER_PORT,
     * USERFUNC_DIR, SECRETS_DIR, CONFIGS_DIR, RUNTIME_URL (http://host:port), and the in-cluster client.
     */
    static FetcherOptions fromEnvironment(Map<String, String> env, Supplier<KubernetesClient> kubernetes) {
        int port = Integer.parseInt(env.getOrDefault("FETCHER_PORT", "8000"));
        String userfunc = env.getOrDefault("USERFUNC_DIR", "/userfunc");
        java.net.URI runtimeUrl = java.net.URI.create(env.getOrDefault("RUNTIME_URL", "http://127.0.0.1:8888"));
        if (runtimeUrl.getHost() == null || runtimeUrl.getPort() < 0) {
            throw new IllegalArgumentException("RUNTIME_URL must be http://host:port, not " + runtimeUrl);
        }
        return new FetcherOptions(new InetSocketAddress(port), Path.of(userfunc),
                Path.of(env.getOrDefault("SECRETS_DIR", "/secrets")), Path.of(env.getOrDefault("CONFIGS_DIR", "/configs")),
                userfunc, new InetSocketAddress(runtimeUrl.getHost(), runtimeUrl.getPort()),
                Path.of(System.getProperty("java.io.tmpdir"), "fissile-fetcher"), kubernetes);
    }
}
