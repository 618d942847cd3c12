package io.fissile.cli.commands;

import java.util.List;

/** A command cannot go on for a reason the user can fix; the message says what and how. */
public class CliException extends RuntimeException {
    private final transient List<String> details;

    public CliException(String message) {
        this(message, List.of());
    }

    public CliException(String message, List<String> details) {
        super(message);
        this.details = List.copyOf(details);
    }

    /** Further lines, each printed on its own line under the message. */
    public List<String> details() {
        return details;
    }
}
