package io.fissile.router.proxy;

import io.fissile.router.proxy.wire.HeaderList;

/** The function's headers, passed to the client as they are, less the hop-by-hop ones. */
final class ClientResponseHeaders {

    private ClientResponseHeaders() {
    }

    /** A copy of {@code received} without its hop-by-hop fields, with room for the router's own. */
    static HeaderList of(HeaderList received) {
        HeaderList sent = new HeaderList(received.size() + 4);
        String connection = received.get("Connection");
        for (int i = 0; i < received.size(); i++) {
            String name = received.name(i);
            if (!HopByHopHeaders.isHopByHop(name, connection)) sent.add(name, received.value(i));
        }
        return sent;
    }
}
