package io.fissile.controller.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

import java.util.Locale;

/** Reading request bodies within a size limit, refusing as early as possible what is too large. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** The declared Content-Length, or -1 when the body is chunked or absent. */
    public static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) return -1;
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Content-Length must be a number, not \"" + header + "\"");
        }
    }

    /** True when the request carries a body whose end has not been read yet. */
    public static boolean hasUnreadBody(HttpServerRequest request) {
        if (request.isEnded()) return false;
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) return true;
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }

    /**
     * Refuses a body that declares itself too large before a byte of it is read, and otherwise
     * lets a client that waits for {@code 100 Continue} send it.
     */
    public static void admit(HttpServerRequest request, long maxBytes, String what) {
        long declared = declaredLength(request);
        if (declared > maxBytes) {
            throw tooLarge(what, declared, maxBytes);
        }
        String expect = request.getHeader(HttpHeaders.EXPECT);
        if (expect != null && expect.equalsIgnoreCase("100-continue") && request.version() == HttpVersion.HTTP_1_1) {
            request.response().writeContinue();
        }
    }

    public static ApiError tooLarge(String what, long size, long maxBytes) {
        return ApiError.tooLarge(what + " is " + (size >= 0 ? size + " bytes" : "larger than allowed")
                + "; at most " + maxBytes + " bytes are accepted");
    }

    /** Reads a whole body of at most {@code maxBytes}; fails with 413 as soon as it grows past that. */
    public static Future<Buffer> read(HttpServerRequest request, long maxBytes, String what) {
        admit(request, maxBytes, what);
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + (long) chunk.length() > maxBytes) {
                // Keep nothing more: the answer is 413 whatever follows.
                request.handler(ignored -> { });
                promise.tryFail(tooLarge(what, -1, maxBytes));
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> promise.tryComplete(body));
        request.exceptionHandler(promise::tryFail);
        request.resume();
        return promise.future();
    }
}
