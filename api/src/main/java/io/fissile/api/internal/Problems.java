package io.fissile.api.internal;

import io.fissile.api.FieldError;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one object, each under the JSON path of its field. */
public final class Problems {
    private final List<FieldError> errors;
    private final String prefix;

    public Problems() {
        this(new ArrayList<>(), "");
    }

    private Problems(List<FieldError> errors, String prefix) {
        this.errors = errors;
        this.prefix = prefix;
    }

    /** The problems of a field beneath this one ({@code spec} then {@code functionref}). */
    public Problems at(String field) {
        return new Problems(errors, prefix.isEmpty() ? field : prefix + "." + field);
    }

    /** The problems of a list element. */
    public Problems at(String field, int index) {
        return at(field + "[" + index + "]");
    }

    public void add(String field, String message) {
        String path = prefix.isEmpty() ? field : field.isEmpty() ? prefix : prefix + "." + field;
        errors.add(new FieldError(path, message));
    }

    /** Records the message, if any, that a check returned for a field. */
    public void check(String field, String messageOrNull) {
        if (messageOrNull != null) add(field, messageOrNull);
    }

    public void require(String field, String value) {
        if (value == null || value.isEmpty()) add(field, "is required");
    }

    public void atLeast(String field, Number value, long min) {
        if (value != null && value.longValue() < min) add(field, "must be at least " + min + ", not " + value);
    }

    public void between(String field, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            add(field, "must be between " + min + " and " + max + ", not " + value);
        }
    }

    public void oneOf(String field, String value, List<String> allowed) {
        if (value != null && !value.isEmpty() && !allowed.contains(value)) {
            add(field, "\"" + value + "\" is not one of " + String.join(", ", allowed));
        }
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
