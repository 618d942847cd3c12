package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.executor.FunctionUnavailableException;
import io.fissile.executor.Lease;
import io.fissile.router.RequestRecord;
import io.fissile.router.RouterObserver;
import io.fissile.router.proxy.wire.BadMessageException;
import io.fissile.router.proxy.wire.Body;
import io.fissile.router.proxy.wire.HeadParser;
import io.fissile.router.proxy.wire.HeadWriter;
import io.fissile.router.proxy.wire.HeaderList;
import io.fissile.router.proxy.wire.RequestHead;
import io.fissile.router.proxy.wire.ResponseHead;
import io.fissile.router.routes.RouteMatch;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * One request on its way to a function and back: lease an instance, take a connection to it
 * (another instance if connecting fails, before anything was sent), pass the body there and the
 * answer back as bytes, each way with back-pressure, and map what can go wrong to an answer. A
 * WebSocket the instance accepts becomes a {@link Tunnel} that holds the lease until it closes.
 * Everything runs on the client connection's event loop, so the state needs no locks; whatever
 * happens, the lease is released exactly once and the observer hears of the request exactly once.
 */
final class Exchange implements InstanceConnection.InstanceListener {
    private static final Logger log = LoggerFactory.getLogger(Exchange.class);
    private static final long NOT_YET = -1;

    /** How the answer's body is framed for the client, given how the instance framed it. */
    private enum ClientFraming {
        /** As the instance framed it. */
        SAME,
        /** Sent until the instance closed: chunked, so the client's connection stays open. */
        CHUNK,
        /** Chunked, to an HTTP/1.0 client: the data alone, ended by closing. */
        UNCHUNK
    }

    private final ClientConnection client;
    private final FunctionProxy proxy;
    private final RequestHead request;
    private final Body requestBody;
    private final RouteMatch match;
    private final Function function;
    private final EventLoop loop;
    private final boolean webSocket;

    private Lease lease;
    private boolean leasePending;
    private int attempts;
    private InstanceConnection instance;
    private boolean requestSent;
    private ResponseHead answer;
    private Body answerBody;
    private ClientFraming framing = ClientFraming.SAME;
    private boolean headSent;
    private boolean closeClientAfter;
    private ScheduledFuture<?> functionTimer;
    private ScheduledFuture<?> crashReportTimer;
    private boolean tunnelled;
    private boolean finished;
    private boolean reported;

    // What the observer hears: System.nanoTime() stamps, the outcome, and how leasing went.
    private final long arrivedAt;
    private long sentAt = NOT_YET;
    private long instanceDoneAt = NOT_YET;
    private long endedAt;
    private int status;
    private long bytesToClient;
    private boolean coldStart;
    private boolean coldStartFailed;

    Exchange(ClientConnection client, FunctionProxy proxy, RequestHead request, Body requestBody, RouteMatch match,
             Function function, long arrivedAt) {
        this.client = client;
        this.proxy = proxy;
        this.request = request;
        this.requestBody = requestBody;
        this.match = match;
        this.function = function;
        this.arrivedAt = arrivedAt;
        this.loop = client.loop();
        this.webSocket = requestBody.ended() && RequestKinds.isWebSocketUpgrade(request);
        this.closeClientAfter = !request.keepAlive();
    }

    void start() {
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
        pending.whenComplete((leased, error) -> onLoop(() -> acquired(leased, error)));
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
        if (functionTimer == null) startFunctionTimer();
        client.pool().acquire(leased.address(), (connection, failure) -> connected(leased, connection, failure));
    }

    // --- sending

    private void connected(Lease leased, InstanceConnection connection, Throwable failure) {
        if (failure != null) {
            if (!finished && leased == lease) notSent(failure);
            return;
        }
        if (finished || leased != lease) { // timed out or the client left meanwhile
            connection.release(true);
            return;
        }
        instance = connection;
        connection.use(this);
        String upgrade = webSocket ? request.headers().get("Upgrade") : null;
        HeaderList headers = UpstreamRequestHeaders.of(request, requestBody, match, function, client.remoteHost(),
                connection.slot().hostHeader, upgrade);
        connection.write(HeadWriter.request(client.alloc(), request.method(), forwardedTarget(), headers));
        sentAt = System.nanoTime();
        requestSent = true;
        if (!requestBody.ended()) {
            if (!request.isHttp10() && "100-continue".equalsIgnoreCase(request.headers().get("Expect"))) client.writeContinue();
            client.handlePending(); // the body read so far follows the head
        }
        connection.flush();
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

    /** Passes on the body bytes among those the client sent (once the request's head went out). */
    void clientBytes(ByteBuf held) {
        if (!requestSent || instance == null || requestBody.ended()) return;
        int taken;
        try {
            taken = requestBody.take(held, null);
        } catch (BadMessageException e) {
            badRequestBody(e);
            return;
        }
        if (taken > 0) {
            instance.write(held.readRetainedSlice(taken));
            instance.flush();
        }
    }

    /** While the body waits for its instance, or the instance is not taking it, the client is not read. */
    boolean holdsClientBytes() {
        return !requestBody.ended() && (instance == null || !instance.channel().isWritable());
    }

    private void badRequestBody(BadMessageException e) {
        log.debug("request to function {} has a malformed body: {}", ErrorReply.name(function), e.getMessage());
        closeClientAfter = true;
        fail(new ErrorReply(e.status(), e.getMessage(), false), null);
    }

    // --- the answer

    @Override
    public void received(ByteBuf in) {
        try {
            while (!finished && instance != null && in.isReadable()) {
                if (answer == null) {
                    ResponseHead head = HeadParser.response(in);
                    if (head == null) return;
                    if (head.status() == 101 && webSocket) {
                        answer = head;
                        switchProtocols(in);
                        return;
                    }
                    if (head.isInformational()) continue; // interim answers (100, 103) are the router's own to give
                    answer = head;
                    answerBody = Body.ofResponse(head, request.method().equals("HEAD"));
                    sendAnswerHead();
                } else {
                    passAnswerBytes(in);
                }
                if (answerBody.ended()) {
                    answerEnded();
                    return;
                }
            }
        } catch (BadMessageException e) {
            log.warn("function {} answered with a malformed message: {}", ErrorReply.name(function), e.getMessage());
            dropInstance();
            fail(ErrorReply.connectionBroken(function, e), e);
        }
    }

    private void sendAnswerHead() {
        HeaderList headers = ClientResponseHeaders.of(answer.headers());
        boolean http10 = request.isHttp10();
        switch (answerBody.framing()) {
            case CHUNKED -> {
                if (http10) {
                    framing = ClientFraming.UNCHUNK;
                    closeClientAfter = true;
                } else {
                    headers.add("Transfer-Encoding", "chunked");
                }
            }
            case UNTIL_CLOSE -> {
                if (http10) {
                    closeClientAfter = true;
                } else {
                    framing = ClientFraming.CHUNK;
                    headers.add("Transfer-Encoding", "chunked");
                }
            }
            default -> { }
        }
        if (closeClientAfter) headers.add("Connection", "close");
        else if (http10) headers.add("Connection", "keep-alive");
        client.write(HeadWriter.response(client.alloc(), answer.status(), reason(answer), headers));
        headSent = true;
    }

    private void passAnswerBytes(ByteBuf in) throws BadMessageException {
        switch (framing) {
            case SAME -> {
                int taken = answerBody.take(in, null);
                if (taken > 0) client.write(in.readRetainedSlice(taken));
            }
            case CHUNK -> {
                int taken = answerBody.take(in, null);
                if (taken > 0) {
                    client.write(HeadWriter.chunkStart(client.alloc(), taken));
                    client.write(in.readRetainedSlice(taken));
                    client.write(HeadWriter.chunkEnd(client.alloc()));
                }
            }
            case UNCHUNK -> in.skipBytes(answerBody.take(in, (index, length) -> client.write(in.retainedSlice(index, length))));
        }
        if (!client.isWritable()) instance.setReading(false);
    }

    @Override
    public void readComplete() {
        if (headSent && !finished) client.flush();
    }

    @Override
    public void writabilityChanged() {
        if (instance != null && instance.channel().isWritable()) client.handlePending();
    }

    void clientWritabilityChanged() {
        if (instance != null && client.isWritable()) instance.setReading(true);
    }

    private void answerEnded() {
        instanceDoneAt = System.nanoTime();
        if (framing == ClientFraming.CHUNK) client.write(HeadWriter.lastChunk(client.alloc()));
        releaseLease(null); // before the client sees the end, so that its next request finds the instance free
        InstanceConnection used = instance;
        instance = null;
        // After a refused upgrade the instance may no longer read HTTP on the connection (Node does not).
        if (used != null) {
            used.release(!webSocket && answer.keepAlive() && requestBody.ended() && answerBody.framing() != Body.Framing.UNTIL_CLOSE);
        }
        client.flush();
        finish(answer.status(), null);
    }

    @Override
    public void closed() {
        InstanceConnection gone = instance;
        instance = null;
        if (gone != null) gone.release(false);
        if (finished) return;
        if (answer == null) {
            brokenBeforeAnswer(new IOException("the instance closed the connection"));
        } else if (answerBody.framing() == Body.Framing.UNTIL_CLOSE) {
            answerEnded();
        } else { // the answer broke off midway: a truncated body must not look whole
            IOException cause = new IOException("the instance closed the connection mid-answer");
            client.reset();
            finish(answer.status(), cause);
        }
    }

    /**
     * The instance accepted a WebSocket: the client gets its 101 and its headers, then the two
     * connections are joined. The function's time limit no longer applies; the lease is held until
     * the tunnel closes, so an open WebSocket keeps its instance from being reaped as idle.
     */
    private void switchProtocols(ByteBuf in) {
        cancelFunctionTimer();
        HeaderList headers = ClientResponseHeaders.of(answer.headers());
        headers.add("Connection", "Upgrade");
        headers.add("Upgrade", answer.headers().get("Upgrade"));
        client.write(HeadWriter.response(client.alloc(), 101, reason(answer), headers));
        headSent = true;
        tunnelled = true;
        InstanceConnection joined = instance;
        instance = null;
        ByteBuf early = in.readRetainedSlice(in.readableBytes()); // what the instance sent right after its 101
        Tunnel.open(client, joined, early, this::tunnelClosed);
    }

    private void tunnelClosed(long bytes) {
        instanceDoneAt = System.nanoTime();
        bytesToClient = bytes;
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
        ended.whenComplete((reason, e) -> onLoop(() -> {
            if (!finished && leased == lease) crashed(endReason(reason, e));
        }));
        crashReportTimer = loop.schedule(() -> {
            crashReportTimer = null;
            if (!finished) fail(ErrorReply.connectionBroken(function, cause), cause);
        }, Math.max(1, proxy.options().crashReportWaitMillis()), TimeUnit.MILLISECONDS);
    }

    private static String endReason(String reason, Throwable error) {
        return reason != null ? reason : String.valueOf(error);
    }

    private void crashed(String reason) {
        log.warn("function {} crashed: {}", ErrorReply.name(function), reason);
        fail(ErrorReply.crashed(function, reason), new InstanceEndedException(reason));
    }

    // --- time limit and the client leaving

    private void startFunctionTimer() {
        int seconds = function.spec().effectiveFunctionTimeout();
        functionTimer = loop.schedule(() -> {
            functionTimer = null;
            if (finished) return;
            dropInstance();
            log.warn("function {} timed out after {}s", ErrorReply.name(function), seconds);
            fail(ErrorReply.timedOut(function, seconds), null);
        }, seconds, TimeUnit.SECONDS);
    }

    private void cancelFunctionTimer() {
        if (functionTimer != null) functionTimer.cancel(false);
        functionTimer = null;
    }

    /** The client's connection closed before its answer was complete: the instance's request is cut at once. */
    void clientGone() {
        if (finished || tunnelled) return;
        dropInstance();
        log.debug("client left before function {} answered", ErrorReply.name(function));
        finish(RequestRecord.CLIENT_CLOSED_REQUEST, null);
    }

    /** Cuts the request to the instance off, with a reset, so the function sees it cut, not ended. */
    private void dropInstance() {
        InstanceConnection dropped = instance;
        instance = null;
        if (dropped == null) return;
        dropped.reset();
        dropped.release(false);
    }

    // --- ending

    /** Answers with an error (or resets the client connection when the head is out) and finishes. */
    private void fail(ErrorReply reply, Throwable brokenCause) {
        int sentStatus = !client.isOpen() ? RequestRecord.CLIENT_CLOSED_REQUEST : headSent ? answer.status() : reply.status();
        releaseLease(brokenCause); // before the answer goes out, as for a complete answer
        dropInstance();
        if (client.isOpen()) {
            if (headSent) client.reset();
            else bytesToClient = client.reply(reply, !closeClientAfter, request.isHttp10());
        }
        finish(sentStatus, brokenCause);
    }

    /**
     * Stops the timers, releases the lease (with {@code brokenCause}, as broken) and reports, unless
     * a lease is still on its way: then its arrival reports. The client's connection may go on.
     */
    private void finish(int sentStatus, Throwable brokenCause) {
        finished = true;
        endedAt = System.nanoTime();
        status = sentStatus;
        cancelFunctionTimer();
        if (crashReportTimer != null) crashReportTimer.cancel(false);
        releaseLease(brokenCause);
        if (!leasePending) report();
        client.exchangeDone(this, requestBody, closeClientAfter || tunnelled);
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
        long bytes = answerBody != null && !tunnelled ? answerBody.dataBytes() : bytesToClient;
        try {
            observer.requestCompleted(new RequestRecord(function.namespace(), function.name(), match.route().template().text(),
                    request.method(), status, duration, duration - instanceTime, bytes, coldStart, coldStartFailed));
        } catch (RuntimeException e) {
            log.warn("the router's observer failed on a request to function {}", ErrorReply.name(function), e);
        }
    }

    private String forwardedTarget() {
        String target = request.target();
        if (match.forwardsWholePath() && target.startsWith("/")) return target;
        String query = request.query();
        String path = match.forwardedPath();
        return query == null ? path : path + '?' + query;
    }

    private static String reason(ResponseHead head) {
        return head.reason().isEmpty() ? HttpResponseStatus.valueOf(head.status()).reasonPhrase() : head.reason();
    }

    private void onLoop(Runnable action) {
        if (loop.inEventLoop()) action.run();
        else loop.execute(action);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
