package io.fissile.router;

import java.util.Objects;

/** How a {@link Router} listens and talks to function instances. */
public final class RouterOptions {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8888;
    public static final int DEFAULT_MAX_CONNECTIONS_PER_INSTANCE = 128;
    public static final int DEFAULT_INSTANCE_KEEP_ALIVE_SECONDS = 60;
    public static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    public static final int DEFAULT_CONNECT_ATTEMPTS = 3;
    public static final int DEFAULT_CRASH_REPORT_WAIT_MILLIS = 1_000;
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private int eventLoops = Runtime.getRuntime().availableProcessors();
    private int maxConnectionsPerInstance = DEFAULT_MAX_CONNECTIONS_PER_INSTANCE;
    private int instanceKeepAliveSeconds = DEFAULT_INSTANCE_KEEP_ALIVE_SECONDS;
    private int connectTimeoutMillis = DEFAULT_CONNECT_TIMEOUT_MILLIS;
    private int connectAttempts = DEFAULT_CONNECT_ATTEMPTS;
    private int crashReportWaitMillis = DEFAULT_CRASH_REPORT_WAIT_MILLIS;
    private int retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS;
    private RouterObserver observer = RouterObserver.NONE;

    public RouterOptions() {
    }

    public RouterOptions(RouterOptions other) {
        this.host = other.host;
        this.port = other.port;
        this.eventLoops = other.eventLoops;
        this.maxConnectionsPerInstance = other.maxConnectionsPerInstance;
        this.instanceKeepAliveSeconds = other.instanceKeepAliveSeconds;
        this.connectTimeoutMillis = other.connectTimeoutMillis;
        this.connectAttempts = other.connectAttempts;
        this.crashReportWaitMillis = other.crashReportWaitMillis;
        this.retryAfterSeconds = other.retryAfterSeconds;
        this.observer = other.observer;
    }

    /** The address to listen on (default 127.0.0.1). */
    public String host() { return host; }
    public RouterOptions host(String host) { this.host = Objects.requireNonNull(host, "host"); return this; }

    /** The port to listen on (default 8888); 0 picks a free one, see {@link Router#port()}. */
    public int port() { return port; }
    public RouterOptions port(int port) { this.port = checkRange("port", port, 0, 65_535); return this; }

    /**
     * The router's own event loops, among which client connections are shared out (default: one per
     * core). Each has its own connections to instances, so a request never changes threads.
     */
    public int eventLoops() { return eventLoops; }
    public RouterOptions eventLoops(int eventLoops) { this.eventLoops = checkRange("eventLoops", eventLoops, 1, 1024); return this; }

    /**
     * Keep-alive connections the router may hold open to one instance (default 128), shared out
     * evenly between the event loops; more requests wait for one.
     */
    public int maxConnectionsPerInstance() { return maxConnectionsPerInstance; }
    public RouterOptions maxConnectionsPerInstance(int max) { this.maxConnectionsPerInstance = checkRange("maxConnectionsPerInstance", max, 1, 65_536); return this; }

    /**
     * Seconds an idle connection to an instance stays in the pool (default 60). Keep it below the
     * instances' own idle timeout, so the router never reuses a connection the instance is closing.
     */
    public int instanceKeepAliveSeconds() { return instanceKeepAliveSeconds; }
    public RouterOptions instanceKeepAliveSeconds(int seconds) { this.instanceKeepAliveSeconds = checkRange("instanceKeepAliveSeconds", seconds, 1, 86_400); return this; }

    /** How long connecting to an instance may take (default 5000 ms). */
    public int connectTimeoutMillis() { return connectTimeoutMillis; }
    public RouterOptions connectTimeoutMillis(int millis) { this.connectTimeoutMillis = checkRange("connectTimeoutMillis", millis, 1, 600_000); return this; }

    /**
     * Instances tried for one request when connecting fails (refused, reset, timed out) before
     * anything was sent (default 3). Each failed instance is handed back as broken and a new lease is
     * taken. A request that reached a function is never sent again.
     */
    public int connectAttempts() { return connectAttempts; }
    public RouterOptions connectAttempts(int attempts) { this.connectAttempts = checkRange("connectAttempts", attempts, 1, 100); return this; }

    /**
     * When an instance's connection breaks before it answers, how long to wait for the executor to
     * say why the instance ended (to answer "function X crashed: reason") before answering 502
     * (default 1000 ms).
     */
    public int crashReportWaitMillis() { return crashReportWaitMillis; }
    public RouterOptions crashReportWaitMillis(int millis) { this.crashReportWaitMillis = checkRange("crashReportWaitMillis", millis, 0, 60_000); return this; }

    /** The Retry-After (seconds) sent with 429 and 503 answers (default 1). */
    public int retryAfterSeconds() { return retryAfterSeconds; }
    public RouterOptions retryAfterSeconds(int seconds) { this.retryAfterSeconds = checkRange("retryAfterSeconds", seconds, 0, 86_400); return this; }

    /**
     * Hears of every request routed to a function once it is over (default {@link RouterObserver#NONE}).
     * Requests that match no route, or a route but not its methods, are not routed and not reported.
     */
    public RouterObserver observer() { return observer; }
    public RouterOptions observer(RouterObserver observer) { this.observer = Objects.requireNonNull(observer, "observer"); return this; }

    private static int checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
