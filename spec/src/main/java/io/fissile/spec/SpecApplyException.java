package io.fissile.spec;

import java.util.List;

/** The server refused part of an apply; what was done before that is in {@link #done()}. */
public class SpecApplyException extends RuntimeException {
    private final transient List<ObjectChange> done;

    public SpecApplyException(String message, Throwable cause, List<ObjectChange> done) {
        super(message, cause);
        this.done = List.copyOf(done);
    }

    public List<ObjectChange> done() {
        return done;
    }
}
