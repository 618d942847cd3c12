package io.fissile.environments.jvm.http;

import java.io.IOException;

/** A request the server cannot accept; answered with {@link #status()} and then the connection closes. */
final class HttpException extends IOException {

    private final int status;

    HttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
