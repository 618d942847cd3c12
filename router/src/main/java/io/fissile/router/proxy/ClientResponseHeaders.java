package io.fissile.router.proxy;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.util.Map;

/** The function's status and headers, passed to the client as they are, less the hop-by-hop ones. */
final class ClientResponseHeaders {

    private ClientResponseHeaders() {
    }

    static void copy(HttpClientResponse answer, HttpServerResponse response) {
        int status = answer.statusCode();
        response.setStatusCode(status);
        String reason = answer.statusMessage();
        // Setting the standard reason would only cost an object per response.
        if (reason != null && !reason.equals(HttpResponseStatus.valueOf(status).reasonPhrase())) response.setStatusMessage(reason);
        MultiMap received = answer.headers();
        MultiMap sent = response.headers();
        String connection = received.get(HttpHeaders.CONNECTION);
        for (Map.Entry<String, String> header : received) {
            if (!HopByHopHeaders.isHopByHop(header.getKey(), connection)) sent.add(header.getKey(), header.getValue());
        }
    }
}
