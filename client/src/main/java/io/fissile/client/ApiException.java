package io.fissile.client;

import io.fissile.api.FieldError;

import java.util.List;

/** The controller refused a request: its HTTP status, reason and message, and the fields at fault. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String reason;
    private final transient List<FieldError> details;

    public ApiException(int status, String reason, String message, List<FieldError> details) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.details = details == null ? List.of() : List.copyOf(details);
    }

    public int status() { return status; }

    /** The controller's reason: NotFound, AlreadyExists, Conflict, Invalid, TooLarge, ... */
    public String reason() { return reason; }

    public List<FieldError> details() { return details; }

    public boolean isNotFound() { return status == 404; }

    public boolean isConflict() { return status == 409; }
}
