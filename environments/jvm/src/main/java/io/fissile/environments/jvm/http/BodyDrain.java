package io.fissile.environments.jvm.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Skips what a handler left of a request body so that the connection can carry the next request;
 * when too much is left, closing the connection is cheaper than reading it.
 */
final class BodyDrain {

    private static final long LIMIT = 1024 * 1024;

    private BodyDrain() {
    }

    /** Whether draining is known to stay within the limit (a chunked body is tried). */
    static boolean isCheap(InputStream body) {
        return !(body instanceof FixedLengthBody fixed) || fixed.remaining() <= LIMIT;
    }

    /** Reads the rest of the body; returns whether it ended within the limit. */
    static boolean drain(InputStream body) {
        try {
            byte[] discard = null;
            long total = 0;
            while (total <= LIMIT) {
                if (body instanceof FixedLengthBody fixed && fixed.remaining() == 0
                        || body instanceof ChunkedBody chunked && chunked.isFinished()) {
                    return true;
                }
                if (discard == null) {
                    discard = new byte[8192];
                }
                int read = body.read(discard, 0, discard.length);
                if (read < 0) {
                    return true;
                }
                total += read;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
