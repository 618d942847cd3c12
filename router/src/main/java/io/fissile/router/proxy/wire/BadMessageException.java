package io.fissile.router.proxy.wire;

/** A message that breaks HTTP/1.1's rules: the status says what to answer (400, 414, 431, 501, 505). */
public final class BadMessageException extends Exception {
    private final int status;

    public BadMessageException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
