package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.router.routes.RouteMatch;
import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.util.Map;

/** The headers of the request to the function, made from the client's. */
final class UpstreamRequestHeaders {

    private UpstreamRequestHeaders() {
    }

    /**
     * Copies the client's headers except hop-by-hop ones, Host (the instance's own goes, as in
     * Fission), Expect (the router answers it) and parameter headers (only the router sets those);
     * then adds the forwarding and Fission headers. Content-Length passes, so a sized body stays sized.
     */
    static void write(HttpServerRequest request, RouteMatch match, Function function, MultiMap sent) {
        MultiMap received = request.headers();
        String connection = received.get(HttpHeaders.CONNECTION);
        for (Map.Entry<String, String> header : received) {
            String name = header.getKey();
            if (HopByHopHeaders.isHopByHop(name, connection) || isAnsweredHere(name)) continue;
            sent.add(name, header.getValue());
        }
        SocketAddress client = request.remoteAddress();
        ForwardedHeaders.add(client == null ? null : client.hostAddress(), request.scheme(), received, sent);
        FissionHeaders.set(sent, function, match, request.uri());
    }

    private static boolean isAnsweredHere(String name) {
        return AsciiString.contentEqualsIgnoreCase(HttpHeaders.HOST, name)
                || AsciiString.contentEqualsIgnoreCase(HttpHeaders.EXPECT, name)
                || FissionHeaders.isParameterHeader(name);
    }
}
