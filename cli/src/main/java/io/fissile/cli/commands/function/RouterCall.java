package io.fissile.cli.commands.function;

import io.fissile.cli.commands.RootCommand;
import io.fissile.cli.commands.Session;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of a function through the router. A successful answer's body goes to standard output as
 * it arrives (a function may stream); an error's body is kept, up to a bound, for the error message.
 * At verbosity 2 the request, and the answer's status and headers, go to standard error.
 */
final class RouterCall {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final Session session;
    private final String function;

    RouterCall(Session session, String function) {
        this.session = session;
        this.function = function;
    }

    /** How a call ended: the status and, for an error (400 or more), the start of its body. */
    record Answer(int status, String errorBody) {
        boolean failed() {
            return status >= 400;
        }
    }

    /** The call did not end with an answer; the message says why, for the user. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    /** Sends the request and waits for the whole answer, at most {@code timeout} (null: without limit). */
    Answer send(HttpRequest request, Duration timeout) throws Failed {
        session.verbose(request.method() + " " + request.uri() + lines(request.headers()));
        ErrorBody errorBody = new ErrorBody();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
        try {
            CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, info -> {
                session.verbose(statusLine(info) + lines(info.headers()) + "\n");
                return HttpResponse.BodySubscribers.ofByteArrayConsumer(chunk -> chunk.ifPresent(
                        info.statusCode() < 400 ? session::writeRaw : errorBody::add));
            });
            return new Answer(await(call, timeout).statusCode(), errorBody.text());
        } finally {
            // Not close(): it would wait for an exchange that a timeout gave up on.
            http.shutdownNow();
        }
    }

    private HttpResponse<Void> await(CompletableFuture<HttpResponse<Void>> call, Duration timeout) throws Failed {
        try {
            return timeout == null ? call.get() : call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Failed("function '" + function + "' did not answer in full within " + seconds(timeout)
                    + "; give it longer with --timeout, or 0 for no limit");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while calling function '" + function + "'");
        }
    }

    private Failed failure(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof HttpConnectTimeoutException || c instanceof UnresolvedAddressException) {
                return new Failed("cannot reach the Fissile router at " + session.routerUrl() + ". Is it running there? "
                        + "Point the CLI at the router with --router URL or " + RootCommand.ROUTER_ENV + "=URL.");
            }
        }
        return new Failed("calling function '" + function + "' through the router at " + session.routerUrl() + " failed: "
                + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
    }

    private static String statusLine(HttpResponse.ResponseInfo info) {
        return (info.version() == HttpClient.Version.HTTP_2 ? "HTTP/2 " : "HTTP/1.1 ") + info.statusCode();
    }

    private static String lines(HttpHeaders headers) {
        StringBuilder text = new StringBuilder();
        headers.map().forEach((name, values) -> values.forEach(value -> text.append('\n').append(name).append(": ").append(value)));
        return text.toString();
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + "s" : timeout.toMillis() + "ms";
    }

    /** The start of an error's body, for the message; the rest is counted, not kept. */
    private static final class ErrorBody {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long leftOut;

        synchronized void add(byte[] chunk) {
            int room = MAX_ERROR_BODY_BYTES - kept.size();
            kept.write(chunk, 0, Math.min(room, chunk.length));
            leftOut += Math.max(0, chunk.length - room);
        }

        synchronized String text() {
            String text = kept.toString(StandardCharsets.UTF_8);
            return leftOut == 0 ? text : text + "\n(" + leftOut + " more bytes left out)";
        }
    }
}
