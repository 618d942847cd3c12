package io.fissile.router.proxy;

import io.fissile.api.v1.Function;
import io.fissile.router.proxy.wire.Body;
import io.fissile.router.proxy.wire.HeaderList;
import io.fissile.router.proxy.wire.RequestHead;
import io.fissile.router.routes.RouteMatch;

/** The headers of the request to the function, made from the client's. */
final class UpstreamRequestHeaders {

    private UpstreamRequestHeaders() {
    }

    /**
     * The instance's own Host, then the client's headers except hop-by-hop ones, Host (as in
     * Fission), Expect (the router answers it) and parameter headers (only the router sets those);
     * then the forwarding and Fission headers, and the body's framing. Content-Length passes, so a
     * sized body stays sized; a chunked one stays chunked.
     *
     * @param client        the client's address, or null
     * @param instanceHost  the instance's {@code host:port}
     * @param upgrade       the protocol the client asks to switch to (a WebSocket), or null
     */
    static HeaderList of(RequestHead request, Body body, RouteMatch match, Function function, String client,
                         String instanceHost, String upgrade) {
        HeaderList received = request.headers();
        HeaderList sent = new HeaderList(received.size() + 12);
        sent.add("Host", instanceHost);
        String connection = received.get("Connection");
        for (int i = 0; i < received.size(); i++) {
            String name = received.name(i);
            if (HopByHopHeaders.isHopByHop(name, connection) || isAnsweredHere(name)) continue;
            sent.add(name, received.value(i));
        }
        ForwardedHeaders.add(client, "http", received, sent);
        FissionHeaders.set(sent, function, match, request.target());
        if (body.framing() == Body.Framing.CHUNKED) sent.add("Transfer-Encoding", "chunked");
        if (upgrade != null) {
            // The upgrade is hop-by-hop: the router asks the instance for it in its own name.
            sent.add("Connection", "Upgrade");
            sent.add("Upgrade", upgrade);
        }
        return sent;
    }

    private static boolean isAnsweredHere(String name) {
        return name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Expect") || FissionHeaders.isParameterHeader(name);
    }
}
