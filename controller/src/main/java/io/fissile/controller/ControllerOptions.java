package io.fissile.controller;

import java.util.Objects;

/**
 * How the controller listens and what it accepts. Start from {@link #defaults()} and change what
 * differs: {@code ControllerOptions.defaults().withPort(0)}.
 *
 * @param host               the address to bind
 * @param port               the port to bind; 0 picks a free one ({@link Controller#port()} tells which)
 * @param maxArchiveBytes    the largest archive an upload may send
 * @param maxBodyBytes       the largest resource body (JSON or YAML) a create or update may send
 * @param watchBacklogBytes  how many bytes of events a watch (or of lines a followed log) holds for a
 *                           client that does not read before it ends that client's stream
 * @param version            the version {@code GET /version} reports
 */
public record ControllerOptions(String host, int port, long maxArchiveBytes, long maxBodyBytes,
                                long watchBacklogBytes, String version) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8889;
    public static final long DEFAULT_MAX_ARCHIVE_BYTES = 1L << 30;
    public static final long DEFAULT_MAX_BODY_BYTES = 4L << 20;
    public static final long DEFAULT_WATCH_BACKLOG_BYTES = 1L << 20;
    public static final String DEFAULT_VERSION = "0.1.0";

    public ControllerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(version, "version");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        if (maxArchiveBytes <= 0) throw new IllegalArgumentException("maxArchiveBytes must be positive, not " + maxArchiveBytes);
        if (maxBodyBytes <= 0) throw new IllegalArgumentException("maxBodyBytes must be positive, not " + maxBodyBytes);
        if (watchBacklogBytes <= 0) throw new IllegalArgumentException("watchBacklogBytes must be positive, not " + watchBacklogBytes);
    }

    /** 127.0.0.1:8889, archives up to 1 GiB, resource bodies up to 4 MiB, 1 MiB of watch backlog. */
    public static ControllerOptions defaults() {
        return new ControllerOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_ARCHIVE_BYTES, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_WATCH_BACKLOG_BYTES, DEFAULT_VERSION);
    }

    public ControllerOptions withHost(String host) {
        return new ControllerOptions(host, port, maxArchiveBytes, maxBodyBytes, watchBacklogBytes, version);
    }

    public ControllerOptions withPort(int port) {
        return new ControllerOptions(host, port, maxArchiveBytes, maxBodyBytes, watchBacklogBytes, version);
    }

    public ControllerOptions withMaxArchiveBytes(long maxArchiveBytes) {
        return new ControllerOptions(host, port, maxArchiveBytes, maxBodyBytes, watchBacklogBytes, version);
    }

    public ControllerOptions withMaxBodyBytes(long maxBodyBytes) {
        return new ControllerOptions(host, port, maxArchiveBytes, maxBodyBytes, watchBacklogBytes, version);
    }

    public ControllerOptions withWatchBacklogBytes(long watchBacklogBytes) {
        return new ControllerOptions(host, port, maxArchiveBytes, maxBodyBytes, watchBacklogBytes, version);
    }

    public ControllerOptions withVersion(String version) {
        return new ControllerOptions(host, port, maxArchiveBytes, maxBodyBytes, watchBacklogBytes, version);
    }
}
