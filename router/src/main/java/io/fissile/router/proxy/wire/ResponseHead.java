package io.fissile.router.proxy.wire;

/** A response's status line and header fields, as they came. */
public record ResponseHead(int minorVersion, int status, String reason, HeaderList headers) {

    /** Whether the instance keeps the connection open after this answer. */
    public boolean keepAlive() {
        return ConnectionTokens.keepsAlive(minorVersion, headers.get("Connection"));
    }

    public boolean isInformational() {
        return status >= 100 && status < 200;
    }
}
