package io.fissile.controller.http;

import io.fissile.api.Codec;
import io.fissile.api.ObjectMeta;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/** One request being answered: its path parameters, its query, and the ways to answer it. */
public final class Exchange {
    private static final Logger log = LoggerFactory.getLogger(Exchange.class);
    private static final String JSON = "application/json";

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final Map<String, String> pathParams;
    private final Blocking blocking;

    Exchange(Vertx vertx, HttpServerRequest request, Map<String, String> pathParams, Blocking blocking) {
        this.vertx = vertx;
        this.request = request;
        this.pathParams = pathParams;
        this.blocking = blocking;
    }

    public Vertx vertx() { return vertx; }

    public HttpServerRequest request() { return request; }

    public HttpServerResponse response() { return request.response(); }

    public Blocking blocking() { return blocking; }

    /** A parameter of the path template, e.g. {@code name} of {@code /v2/functions/{name}}. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) throw new IllegalStateException("the route has no path parameter " + name);
        return value;
    }

    /** A query parameter, or null when it is absent or empty. */
    public String query(String name) {
        String value = request.getParam(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The namespace a request for one object names with {@code ?namespace=}, else {@code default}. */
    public String namespace() {
        return Objects.requireNonNullElse(query("namespace"), ObjectMeta.DEFAULT_NAMESPACE);
    }

    /** A yes/no query parameter ({@code true}, {@code 1}, {@code false}, {@code 0}); false when absent. */
    public boolean queryFlag(String name) {
        String value = query(name);
        if (value == null || value.equals("0") || value.equalsIgnoreCase("false")) return false;
        if (value.equals("1") || value.equalsIgnoreCase("true")) return true;
        throw ApiError.badRequest("query parameter " + name + " must be true or false, not \"" + value + "\"");
    }

    /** Runs blocking work on a worker, writes its result as JSON there too, then answers with it. */
    public void reply(int status, Callable<?> work) {
        blocking.run(() -> Codec.toJsonBytes(work.call())).onComplete(
                json -> send(status, json),
                this::fail);
    }

    /** Answers with a value written as JSON here: for small bodies only. */
    public void replyNow(int status, Object body) {
        send(status, Codec.toJsonBytes(body));
    }

    /** Answers with a body the caller has written, of a type other than JSON (e.g. lines of JSON). */
    public void replyNow(int status, String contentType, Buffer body) {
        HttpServerResponse response = response();
        if (response.closed()) return;
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType);
        if (RequestBodies.hasUnreadBody(request)) {
            // Answered before the body was read (too large, refused early): the connection cannot be reused.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            Future<Void> written = response.end(body);
            LingeringClose.after(vertx, request, written);
        } else {
            response.end(body);
        }
    }

    /** Answers with the API error this failure stands for; a stream already under way is cut instead. */
    public void fail(Throwable failure) {
        ApiError error = ApiErrors.from(failure);
        HttpServerResponse response = response();
        if (response.ended() || response.closed()) {
            log.debug("{} {}: {} after the response was finished", request.method(), request.path(), error.getMessage());
            return;
        }
        if (error.status() >= 500) {
            log.error("{} {} failed", request.method(), request.path(), failure);
        } else {
            log.debug("{} {}: {} {}", request.method(), request.path(), error.status(), error.getMessage());
        }
        if (response.headWritten()) {
            // The client has a status already; only a broken connection tells it the body is incomplete.
            response.reset();
            return;
        }
        // A handler may have prepared headers for the answer it meant to give.
        response.headers().remove(HttpHeaders.CONTENT_LENGTH);
        send(error.status(), Codec.toJsonBytes(error.body()));
    }

    private void send(int status, byte[] json) {
        replyNow(status, JSON, Buffer.buffer(json));
    }
}
