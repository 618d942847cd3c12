package io.fissile.router.proxy;

import io.fissile.router.proxy.wire.ConnectionTokens;
import io.fissile.router.proxy.wire.HeaderList;
import io.fissile.router.proxy.wire.RequestHead;

/** What a request's head says about how to proxy it. */
final class RequestKinds {

    private RequestKinds() {
    }

    /** An HTTP/1.1 GET asking to switch to the WebSocket protocol (RFC 6455 section 4.1). */
    static boolean isWebSocketUpgrade(RequestHead request) {
        if (!request.method().equals("GET") || request.isHttp10()) return false;
        HeaderList headers = request.headers();
        String upgrade = headers.get("Upgrade");
        String connection = headers.get("Connection");
        return upgrade != null && connection != null
                && ConnectionTokens.lists(upgrade, "websocket") && ConnectionTokens.lists(connection, "upgrade");
    }
}
