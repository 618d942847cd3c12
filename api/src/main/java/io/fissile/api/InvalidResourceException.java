package io.fissile.api;

import java.util.List;

/** An object was rejected; every problem found is listed, each with its field path. */
public class InvalidResourceException extends RuntimeException {
    private final String subject;
    private final transient List<FieldError> errors;

    public InvalidResourceException(String subject, List<FieldError> errors) {
        super(format(subject, errors));
        this.subject = subject;
        this.errors = List.copyOf(errors);
    }

    public InvalidResourceException(String subject, FieldError error) {
        this(subject, List.of(error));
    }

    /** What was rejected, e.g. {@code Function "default/hello"} or {@code specs/fn.yaml, document 2}. */
    public String subject() {
        return subject;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same problems, said of another subject (e.g. with the file and document prefixed). */
    public InvalidResourceException about(String newSubject) {
        return new InvalidResourceException(newSubject, errors);
    }

    private static String format(String subject, List<FieldError> errors) {
        if (errors.size() == 1) {
            return subject + " is invalid: " + errors.get(0);
        }
        StringBuilder sb = new StringBuilder(subject).append(" is invalid:");
        for (FieldError e : errors) {
            sb.append("\n  * ").append(e);
        }
        return sb.toString();
    }
}
