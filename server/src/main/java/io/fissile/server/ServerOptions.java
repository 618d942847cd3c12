package io.fissile.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the all-in-one server runs.
 *
 * @param dataDirectory   where the store, archives and logs live ({@code ~/.fissile} by default)
 * @param address         the address both ports bind to
 * @param routerPort      the router's port (functions' HTTP routes)
 * @param apiPort         the controller's port (the REST API the CLI talks to); 0 picks a free one
 * @param maxArchiveBytes the largest archive an upload may send
 * @param kubernetes      Kubernetes mode (the cluster's resources and pods), or null to run on this machine
 */
public record ServerOptions(Path dataDirectory, String address, int routerPort, int apiPort, long maxArchiveBytes,
                            KubernetesMode kubernetes) {
    public static final int DEFAULT_ROUTER_PORT = 8888;
    public static final int DEFAULT_API_PORT = 8889;
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    public static final long DEFAULT_MAX_ARCHIVE_BYTES = 1L << 30;

    public ServerOptions {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(address, "address");
    }

    /** Options to run on this machine. */
    public ServerOptions(Path dataDirectory, String address, int routerPort, int apiPort, long maxArchiveBytes) {
        this(dataDirectory, address, routerPort, apiPort, maxArchiveBytes, null);
    }

    /** The same options in Kubernetes mode. */
    public ServerOptions withKubernetes(KubernetesMode mode) {
        return new ServerOptions(dataDirectory, address, routerPort, apiPort, maxArchiveBytes, mode);
    }

    /** The default data directory: {@code ~/.fissile}. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".fissile");
    }

    public static ServerOptions defaults() {
        return new ServerOptions(defaultDataDirectory(), DEFAULT_ADDRESS, DEFAULT_ROUTER_PORT, DEFAULT_API_PORT,
                DEFAULT_MAX_ARCHIVE_BYTES);
    }
}
