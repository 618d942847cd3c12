package io.fissile.router.proxy.wire;

/** A response's status line and header fields, as they came. */
public record ResponseHead(int minorVersion, int status, String reason, HeaderList headers) {

    /** Whether the instance keeps the connection open after this answer. */
    public boolean keepAlive() {
        String connection = headers.get("Connection");
        if (minorVersion == 0) return connection != null && ConnectionTokens.lists(connection, "keep-alive");
        return connection == null || !ConnectionTokens.lists(connection, "close");
    }

    public boolean isInformational() {
        return status >= 100 && status < 200;
    }
}
