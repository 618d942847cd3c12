package io.fissile.controller.http;

import io.fissile.api.FieldError;
import io.fissile.api.InvalidResourceException;
import io.fissile.storage.ArchiveNotFoundException;
import io.fissile.storage.ArchiveTooLargeException;
import io.fissile.storage.ChecksumMismatchException;
import io.fissile.store.AlreadyExistsException;
import io.fissile.store.ConflictException;
import io.fissile.store.ExpiredException;
import io.fissile.store.NotFoundException;

import java.util.List;

/** Turns what the store, the archive storage and the model throw into the API's errors. */
public final class ApiErrors {
    private ApiErrors() {
    }

    public static ApiError from(Throwable failure) {
        return switch (failure) {
            case ApiError e -> e;
            case InvalidResourceException e -> invalid(e);
            case NotFoundException e -> new ApiError(404, "NotFound", e.getMessage());
            case ArchiveNotFoundException e -> new ApiError(404, "NotFound", e.getMessage());
            case AlreadyExistsException e -> new ApiError(409, "AlreadyExists", e.getMessage());
            case ConflictException e -> new ApiError(409, "Conflict", e.getMessage());
            case ExpiredException e -> new ApiError(410, "Expired", e.getMessage());
            case ArchiveTooLargeException e -> ApiError.tooLarge(e.getMessage());
            case ChecksumMismatchException e -> new ApiError(400, "ChecksumMismatch", e.getMessage());
            default -> ApiError.internal("internal error: " + failure);
        };
    }

    /**
     * An object that could not even be read (broken JSON or YAML) is a bad request; one whose
     * fields are wrong is invalid, with every field listed.
     */
    public static ApiError invalid(InvalidResourceException e) {
        List<FieldError> errors = e.errors();
        boolean unreadable = errors.stream().allMatch(f -> f.field() == null || f.field().isEmpty());
        return new ApiError(400, unreadable ? "BadRequest" : "Invalid", e.getMessage(), errors);
    }
}
