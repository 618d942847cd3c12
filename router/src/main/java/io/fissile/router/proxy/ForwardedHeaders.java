package io.fissile.router.proxy;

import io.fissile.router.proxy.wire.HeadParser;
import io.fissile.router.proxy.wire.HeaderList;

import java.util.List;

/**
 * Tells the function who asked and how, as a proxy should: this hop is appended to
 * {@code X-Forwarded-For} and {@code Forwarded} (RFC 7239); {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host} keep what an earlier proxy said, since it saw the original request.
 */
final class ForwardedHeaders {
    static final String X_FORWARDED_FOR = "X-Forwarded-For";
    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";
    static final String X_FORWARDED_HOST = "X-Forwarded-Host";
    static final String FORWARDED = "Forwarded";

    private ForwardedHeaders() {
    }

    /**
     * @param client   the client's address, or null when unknown
     * @param scheme   how the client reached the router ({@code http})
     * @param received the client's headers
     * @param sent     the headers going to the function, already holding copies of the client's
     */
    static void add(String client, String scheme, HeaderList received, HeaderList sent) {
        String host = received.get("Host");
        if (client != null) sent.set(X_FORWARDED_FOR, appended(received, X_FORWARDED_FOR, client));
        if (!received.contains(X_FORWARDED_PROTO)) sent.set(X_FORWARDED_PROTO, scheme);
        if (host != null && !received.contains(X_FORWARDED_HOST)) sent.set(X_FORWARDED_HOST, host);
        sent.set(FORWARDED, appended(received, FORWARDED, element(client, host, scheme)));
    }

    /** This hop's element: {@code for=...;host=...;proto=...}, quoted where RFC 7239 needs it. */
    private static String element(String client, String host, String scheme) {
        StringBuilder element = new StringBuilder(64);
        if (client != null) element.append("for=").append(client.indexOf(':') >= 0 ? "\"[" + client + "]\"" : client);
        if (host != null) {
            if (!element.isEmpty()) element.append(';');
            element.append("host=").append(HeadParser.isToken(host) ? host : '"' + host.replace("\"", "") + '"');
        }
        if (!element.isEmpty()) element.append(';');
        return element.append("proto=").append(scheme).toString();
    }

    private static String appended(HeaderList received, String name, String value) {
        if (!received.contains(name)) return value;
        List<String> earlier = received.getAll(name);
        return String.join(", ", earlier) + ", " + value;
    }
}
