package io.fissile.controller.http;

import io.fissile.api.FieldError;

import java.util.List;

/**
 * An answer other than success, as the API reports it: an HTTP status, a reason a program can
 * test, a message for a person and, for invalid objects, the fields at fault.
 */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String reason;
    private final transient List<FieldError> details;

    public ApiError(int status, String reason, String message, List<FieldError> details) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    public ApiError(int status, String reason, String message) {
        this(status, reason, message, List.of());
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BadRequest", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NotFound", message);
    }

    public static ApiError tooLarge(String message) {
        return new ApiError(413, "TooLarge", message);
    }

    public static ApiError internal(String message) {
        return new ApiError(500, "InternalError", message);
    }

    public int status() { return status; }

    public String reason() { return reason; }

    public List<FieldError> details() { return details; }

    /** The JSON body of this error. */
    public Body body() {
        return new Body(status, reason, getMessage(), details);
    }

    /** {@code {"status","reason","message","details":[{"field","message"}]}} */
    public record Body(int status, String reason, String message, List<FieldError> details) {
    }
}
