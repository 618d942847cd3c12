package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.Lease;
import io.fissile.router.RequestRecord;
import io.fissile.router.RouterObserver;
import io.fissile.router.routes.RouteMatch;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One request on its way to a function and back: lease an instance, connect (another instance if
 * that fails before anything was sent), stream the body there and the answer back, both with
 * back-pressure, and map what can go wrong to an answer. A WebSocket upgrade the instance accepts
 * becomes a {@link Tunnel} that holds the lease until it closes. Everything runs on the request's
 * event loop, so the state needs no locks; whatever happens, the lease is released exactly once and
 * the observer hears of the request exactly once.
 */
final class ProxyExchange {
    private static final Logger log = LoggerFactory.getLogger(ProxyExchange.class);
    private static final long NOT_YET = -1;
    /** Upstream failures reach the exchange through the answer and the body pipe; unhandled, Vert.x would log each as an error. */
    private static final Handler<Throwable> HANDLED_ELSEWHERE = failure -> { };

    private final FunctionProxy proxy;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final RouteMatch match;
    private final Function function;
    private final Context context;
    private final boolean bodyless;
    private final boolean webSocket;

    private Lease lease;
    private boolean leasePending;
    private int attempts;
    private HttpClientRequest upstream;
    private HttpClientResponse answer;
    private long functionTimer = NOT_YET;
    private long crashReportTimer = NOT_YET;
    private boolean tunnelled;
    private boolean finished;
    private boolean reported;

    // What the observer hears: System.nanoTime() stamps, the outcome, and how leasing went.
    private final long arrivedAt;
    private long sentAt = NOT_YET;
    private long instanceDoneAt = NOT_YET;
    private long endedAt;
    private int status;
    private long tunnelBytesToClient = NOT_YET;
    private boolean coldStart;
    private boolean coldStartFailed;

    ProxyExchange(FunctionProxy proxy, HttpServerRequest request, RouteMatch match, Function function, long arrivedAt) {
        this.proxy = proxy;
        this.request = request;
        this.response = request.response();
        this.match = match;
        this.function = function;
        this.arrivedAt = arrivedAt;
        this.context = proxy.vertx().getOrCreateContext();
        this.bodyless = RequestKinds.hasNoBody(request);
        this.webSocket = bodyless && RequestKinds.isWebSocketUpgrade(request);
    }

    void start() {
        if (!bodyless) request.pause(); // the body waits until there is an instance to send it to
        response.closeHandler(v -> clientGone());
        acquire();
    }

    // --- leasing an instance

    private void acquire() {
        attempts++;
        CompletableFuture<Lease> pending;
        try {
            pending = proxy.executor().acquire(function);
        } catch (RuntimeException e) {
            acquired(null, e);
            return;
        }
        // A warm instance completes at once, on this thread: then nothing is scheduled.
        if (pending.isDone() && !pending.isCompletedExceptionally()) {
            acquired(pending.getNow(null), null);
            return;
        }
        leasePending = true;
        pending.whenComplete((leased, error) -> onContext(() -> acquired(leased, error)));
    }

    private void acquired(Lease leased, Throwable error) {
        leasePending = false;
        if (error != null) {
            Throwable cause = unwrap(error);
            coldStartFailed = cause instanceof FunctionUnavailableException unavailable && !unavailable.isTransient();
            if (finished) report(); // the client had left; now the outcome is known
            else fail(ErrorReply.acquireFailed(function, cause), null);
            return;
        }
        coldStart |= leased.coldStart();
        if (finished) { // the client left while we waited
            leased.release();
            report();
            return;
        }
        lease = leased;
        if (functionTimer == NOT_YET) startFunctionTimer();
        connect(leased);
    }

    // --- connecting and sending

    private void connect(Lease leased) {
        InetSocketAddress address = leased.address();
        proxy.client().request(request.method(), address.getPort(), address.getHostString(), forwardedUri())
                .onComplete(ar -> connected(leased, ar));
    }

    private void connected(Lease leased, AsyncResult<HttpClientRequest> ar) {
        if (ar.failed()) {
            if (!finished && leased == lease) notSent(ar.cause());
            return;
        }
        HttpClientRequest sent = ar.result();
        sent.exceptionHandler(HANDLED_ELSEWHERE);
        if (finished || leased != lease) { // timed out or the client left meanwhile
            sent.reset();
            return;
        }
        upstream = sent;
        MultiMap headers = sent.headers();
        UpstreamRequestHeaders.write(request, match, function, headers);
        sentAt = System.nanoTime();
        if (webSocket) {
            // The upgrade is hop-by-hop: the router asks the instance for it in its own name.
            headers.set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
            headers.set(HttpHeaders.UPGRADE, request.headers().get(HttpHeaders.UPGRADE));
            sent.connect().onComplete(this::answered);
            return;
        }
        sent.response().onComplete(this::answered);
        if (bodyless) sent.end();
        else sendBody(sent);
    }

    /** Nothing reached the instance: hand it back as broken and try another, a few times. */
    private void notSent(Throwable cause) {
        releaseLease(cause);
        if (attempts < proxy.options().connectAttempts()) {
            log.debug("function {}: instance could not be reached ({}); trying another", ErrorReply.name(function), cause.toString());
            acquire();
        } else {
            fail(ErrorReply.unreachable(function, attempts, cause), null);
        }
    }

    private void sendBody(HttpClientRequest sent) {
        if (request.headers().contains(HttpHeaders.EXPECT)) response.writeContinue();
        if (!sent.headers().contains(HttpHeaders.CONTENT_LENGTH)) sent.setChunked(true);
        request.pipe().endOnFailure(false).to(sent).onFailure(this::requestBodyFailed);
    }

    private void requestBodyFailed(Throwable cause) {
        if (finished) return;
        if (response.closed()) clientGone();
        else if (answer == null) upstream.reset(0, cause); // the answer then fails, and says why
    }

    // --- the answer

    private void answered(AsyncResult<HttpClientResponse> ar) {
        if (finished) return;
        if (ar.failed()) {
            brokenBeforeAnswer(ar.cause());
            return;
        }
        answer = ar.result();
        if (webSocket && answer.statusCode() == 101) {
            switchProtocols();
            return;
        }
        ClientResponseHeaders.copy(answer, response);
        boolean sized = answer.headers().contains(HttpHeaders.CONTENT_LENGTH);
        boolean http10 = request.version() == HttpVersion.HTTP_1_0;
        // A streamed answer (server-sent events, say) shows its head at once, not with the first chunk.
        if (!sized && !http10 && hasBody(answer.statusCode())) response.writeHead();
        // An HTTP/1.0 client knows the end only by the close; Vert.x honours "close" alone, not in a list.
        String connection = request.headers().get(HttpHeaders.CONNECTION);
        boolean closeAfter = !sized && http10 || connection != null && HopByHopHeaders.lists(connection, "close");
        answer.pipe().endOnSuccess(false).endOnFailure(false).to(response)
                .onComplete(done -> answerStreamed(done.cause(), closeAfter));
    }

    private boolean hasBody(int status) {
        return request.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    private void answerStreamed(Throwable failure, boolean closeAfter) {
        if (finished) return;
        instanceDoneAt = System.nanoTime();
        if (failure == null) {
            releaseLease(null); // before the client sees the end, so that its next request finds the instance free
            if (!answer.trailers().isEmpty() && response.isChunked()) response.trailers().addAll(answer.trailers());
            Future<Void> sent = response.end();
            if (closeAfter) sent.onComplete(v -> request.connection().close());
            finish(response.getStatusCode(), null);
            return;
        }
        // The answer broke off midway (or the client stopped taking it): a truncated body must not look whole.
        upstream.reset();
        if (response.closed()) {
            finish(RequestRecord.CLIENT_CLOSED_REQUEST, null);
        } else {
            response.reset();
            finish(response.getStatusCode(), failure);
        }
    }

    /**
     * The instance accepted a WebSocket: the client gets its 101 and its headers, then the two
     * connections are joined. The function's time limit no longer applies; the lease is held until
     * the tunnel closes, so an open WebSocket keeps its instance from being reaped as idle.
     */
    private void switchProtocols() {
        cancelFunctionTimer();
        NetSocket instanceSocket = answer.netSocket();
        instanceSocket.pause(); // what the instance sends before the client's side is ready must wait, not be lost
        ClientResponseHeaders.copy(answer, response);
        response.headers().set(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE);
        response.headers().set(HttpHeaders.UPGRADE, answer.headers().get(HttpHeaders.UPGRADE));
        request.toNetSocket().onComplete(ar -> {
            if (ar.failed()) { // the client left in between
                instanceSocket.close();
                if (!finished) finish(RequestRecord.CLIENT_CLOSED_REQUEST, null);
                return;
            }
            tunnelled = true;
            Tunnel.open(ar.result(), instanceSocket, this::tunnelClosed);
        });
    }

    private void tunnelClosed(long bytesToClient) {
        instanceDoneAt = System.nanoTime();
        tunnelBytesToClient = bytesToClient;
        finish(101, null);
    }

    /**
     * The connection broke before an answer: most likely the instance died. Only now is the executor
     * asked whether it did (asking costs it bookkeeping on every request); wait briefly to hear why.
     */
    private void brokenBeforeAnswer(Throwable cause) {
        instanceDoneAt = System.nanoTime();
        Lease leased = lease;
        CompletableFuture<String> ended = leased.instanceEnded();
        if (ended.isDone()) {
            crashed(endReason(ended.getNow(null), null));
            return;
        }
        ended.whenComplete((reason, e) -> onContext(() -> {
            if (!finished && leased == lease) crashed(endReason(reason, e));
        }));
        crashReportTimer = proxy.vertx().setTimer(Math.max(1, proxy.options().crashReportWaitMillis()), t -> {
            crashReportTimer = NOT_YET;
            if (!finished) fail(ErrorReply.connectionBroken(function, cause), cause);
        });
    }

    private static String endReason(String reason, Throwable error) {
        return reason != null ? reason : String.valueOf(error);
    }

    private void crashed(String reason) {
        upstream.reset();
        log.warn("function {} crashed: {}", ErrorReply.name(function), reason);
        fail(ErrorReply.crashed(function, reason), new InstanceEndedException(reason));
    }

    // --- time limit and the client leaving

    private void startFunctionTimer() {
        int seconds = function.spec().effectiveFunctionTimeout();
        functionTimer = proxy.vertx().setTimer(seconds * 1000L, t -> {
            functionTimer = NOT_YET;
            if (finished) return;
            if (upstream != null) upstream.reset();
            log.warn("function {} timed out after {}s", ErrorReply.name(function), seconds);
            fail(ErrorReply.timedOut(function, seconds), null);
        });
    }

    private void cancelFunctionTimer() {
        if (functionTimer != NOT_YET) proxy.vertx().cancelTimer(functionTimer);
        functionTimer = NOT_YET;
    }

    /** The client's connection closed before its answer was complete: the instance's request is cut at once. */
    private void clientGone() {
        if (finished || tunnelled) return;
        if (upstream != null) upstream.reset();
        log.debug("client left before function {} answered", ErrorReply.name(function));
        finish(RequestRecord.CLIENT_CLOSED_REQUEST, null);
    }

    // --- ending

    /** Answers with an error (or resets the client connection when the head is out) and finishes. */
    private void fail(ErrorReply reply, Throwable brokenCause) {
        if (!request.isEnded()) request.resume(); // read and drop the rest of the body, keeping the connection
        int sentStatus = response.closed() ? RequestRecord.CLIENT_CLOSED_REQUEST
                : response.headWritten() ? response.getStatusCode() : reply.status();
        releaseLease(brokenCause); // before the answer goes out, as for a complete answer
        ErrorReplies.send(response, reply, proxy.options().retryAfterSeconds());
        finish(sentStatus, brokenCause);
    }

    /**
     * Stops the timers, releases the lease (with {@code brokenCause}, as broken) and reports, unless
     * a lease is still on its way: then its arrival reports.
     */
    private void finish(int sentStatus, Throwable brokenCause) {
        finished = true;
        endedAt = System.nanoTime();
        status = sentStatus;
        cancelFunctionTimer();
        if (crashReportTimer != NOT_YET) proxy.vertx().cancelTimer(crashReportTimer);
        releaseLease(brokenCause);
        if (!leasePending) report();
    }

    private void releaseLease(Throwable brokenCause) {
        Lease held = lease;
        if (held == null) return;
        lease = null;
        if (brokenCause == null) held.release();
        else held.releaseBroken(brokenCause);
    }

    /** Tells the observer, once. The instance's time runs from sending it the request to the end of its answer. */
    private void report() {
        RouterObserver observer = proxy.observer();
        if (reported || observer == RouterObserver.NONE) return;
        reported = true;
        long duration = endedAt - arrivedAt;
        long instanceTime = sentAt == NOT_YET ? 0 : (instanceDoneAt == NOT_YET ? endedAt : instanceDoneAt) - sentAt;
        long bytes = tunnelBytesToClient != NOT_YET ? tunnelBytesToClient : response.bytesWritten();
        try {
            observer.requestCompleted(new RequestRecord(function.namespace(), function.name(), match.route().template().text(),
                    request.method().name(), status, duration, duration - instanceTime, bytes, coldStart, coldStartFailed));
        } catch (RuntimeException e) {
            log.warn("the router's observer failed on a request to function {}", ErrorReply.name(function), e);
        }
    }

    private String forwardedUri() {
        String uri = request.uri();
        if (match.forwardsWholePath() && uri.startsWith("/")) return uri;
        String query = request.query();
        String path = match.forwardedPath();
        return query == null ? path : path + '?' + query;
    }

    private void onContext(Runnable action) {
        if (Vertx.currentContext() == context) action.run();
        else context.runOnContext(v -> action.run());
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
