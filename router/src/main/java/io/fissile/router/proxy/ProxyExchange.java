package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.executor.Lease;
import io.fissile.router.routes.RouteMatch;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One request on its way to a function and back: lease an instance, connect (another instance if
 * that fails before anything was sent), stream the body there and the answer back, both with
 * back-pressure, and map what can go wrong to an answer. Everything runs on the request's event
 * loop, so the state needs no locks; whatever happens, the lease is released exactly once.
 */
final class ProxyExchange {
    private static final Logger log = LoggerFactory.getLogger(ProxyExchange.class);

    private final FunctionProxy proxy;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final RouteMatch match;
    private final Function function;
    private final Context context;

    private Lease lease;
    private CompletableFuture<String> instanceEnd;
    private int attempts;
    private HttpClientRequest upstream;
    private HttpClientResponse answer;
    private long functionTimer = -1;
    private long crashReportTimer = -1;
    private boolean finished;

    ProxyExchange(FunctionProxy proxy, HttpServerRequest request, RouteMatch match, Function function) {
        this.proxy = proxy;
        this.request = request;
        this.response = request.response();
        this.match = match;
        this.function = function;
        this.context = proxy.vertx().getOrCreateContext();
    }

    void start() {
        request.pause(); // the body waits until there is an instance to send it to
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
        pending.whenComplete((leased, error) -> onContext(() -> acquired(leased, error)));
    }

    private void acquired(Lease leased, Throwable error) {
        if (error != null) {
            if (!finished) fail(ErrorReply.acquireFailed(function, unwrap(error)), null);
            return;
        }
        if (finished) { // the client left while we waited
            leased.release();
            return;
        }
        lease = leased;
        if (functionTimer < 0) startFunctionTimer();
        instanceEnd = leased.instanceEnded();
        instanceEnd.whenComplete((reason, e) -> onContext(() -> instanceEnded(leased, reason != null ? reason : String.valueOf(e))));
        connect(leased);
    }

    // --- connecting and sending

    private void connect(Lease leased) {
        InetSocketAddress address = leased.address();
        RequestOptions target = new RequestOptions()
                .setMethod(request.method())
                .setHost(address.getHostString())
                .setPort(address.getPort())
                .setURI(forwardedUri());
        proxy.client().request(target).onComplete(ar -> connected(leased, ar));
    }

    private void connected(Lease leased, AsyncResult<HttpClientRequest> ar) {
        if (ar.failed()) {
            if (!finished && leased == lease) notSent(ar.cause());
            return;
        }
        HttpClientRequest sent = ar.result();
        if (finished || leased != lease) { // timed out, client gone, or the instance ended meanwhile
            sent.reset();
            return;
        }
        upstream = sent;
        UpstreamRequestHeaders.write(request, match, function, sent.headers());
        sent.response().onComplete(this::answered);
        sendBody(sent);
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
        if (request.isEnded()) {
            sent.end();
            return;
        }
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
        if (failure == null) {
            if (!answer.trailers().isEmpty() && response.isChunked()) response.trailers().addAll(answer.trailers());
            response.end().onComplete(v -> {
                if (closeAfter) request.connection().close();
            });
            finish(null);
            return;
        }
        // The answer broke off midway (or the client stopped taking it): a truncated body must not look whole.
        upstream.reset();
        if (response.closed()) {
            finish(null);
        } else {
            response.reset();
            finish(failure);
        }
    }

    /** The connection broke before an answer: most likely the instance died; wait briefly to hear why. */
    private void brokenBeforeAnswer(Throwable cause) {
        if (instanceEnd.isDone()) {
            crashed(instanceEnd.getNow("ended"));
            return;
        }
        crashReportTimer = proxy.vertx().setTimer(Math.max(1, proxy.options().crashReportWaitMillis()), t -> {
            crashReportTimer = -1;
            if (!finished) fail(ErrorReply.connectionBroken(function, cause), cause);
        });
    }

    private void instanceEnded(Lease ended, String reason) {
        if (finished || ended != lease) return;
        if (upstream == null) { // nothing was sent to it yet
            notSent(new InstanceEndedException(reason));
            return;
        }
        crashed(reason);
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
            functionTimer = -1;
            if (finished) return;
            if (upstream != null) upstream.reset();
            log.warn("function {} timed out after {}s", ErrorReply.name(function), seconds);
            fail(ErrorReply.timedOut(function, seconds), null);
        });
    }

    private void clientGone() {
        if (finished) return;
        if (upstream != null) upstream.reset();
        log.debug("client left before function {} answered", ErrorReply.name(function));
        finish(null);
    }

    // --- ending

    /** Answers with an error (or resets the client connection when the head is out) and finishes. */
    private void fail(ErrorReply reply, Throwable brokenCause) {
        if (!request.isEnded()) request.resume(); // read and drop the rest of the body, keeping the connection
        ErrorReplies.send(response, reply, proxy.options().retryAfterSeconds());
        finish(brokenCause);
    }

    /** Stops the timers and releases the lease: with {@code brokenCause}, as broken. */
    private void finish(Throwable brokenCause) {
        finished = true;
        if (functionTimer >= 0) proxy.vertx().cancelTimer(functionTimer);
        if (crashReportTimer >= 0) proxy.vertx().cancelTimer(crashReportTimer);
        releaseLease(brokenCause);
    }

    private void releaseLease(Throwable brokenCause) {
        Lease held = lease;
        if (held == null) return;
        lease = null;
        if (brokenCause == null) held.release();
        else held.releaseBroken(brokenCause);
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
