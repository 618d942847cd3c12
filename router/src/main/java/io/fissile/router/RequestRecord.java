package io.fissile.router;

/**
 * What the router saw of one request it routed to a function, for metrics.
 *
 * @param namespace      the function's namespace
 * @param function       the function's name
 * @param path           the route's path as written in its trigger (e.g. {@code /users/{id}}), or
 *                       {@code /fission-function/<name>} for internal routes: bounded, unlike request paths
 * @param method         the request method
 * @param status         the status the client got; 499 when the client left before the answer was complete
 * @param durationNanos  from the request's arrival to the end of the answer
 * @param overheadNanos  the router's own share: the duration minus the time the instance spent answering
 * @param responseBytes  the body bytes sent to the client
 * @param coldStart      the request waited for an instance to be specialized
 * @param coldStartFailed the request's instance could not be specialized
 */
public record RequestRecord(String namespace, String function, String path, String method, int status,
                            long durationNanos, long overheadNanos, long responseBytes,
                            boolean coldStart, boolean coldStartFailed) {
    /** The status reported when a client disconnects before its answer is complete (as nginx logs it). */
    public static final int CLIENT_CLOSED_REQUEST = 499;
}
