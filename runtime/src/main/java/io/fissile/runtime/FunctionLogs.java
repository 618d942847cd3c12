package io.fissile.runtime;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The captured output of functions' instances, kept on disk with a size cap per function, for
 * {@code fissile fn logs}.
 */
public interface FunctionLogs extends AutoCloseable {

    /** Records a line (called by the runtime for every line an instance writes). */
    void append(LogLine line);

    /** The last {@code count} lines of a function, oldest first, optionally only those after {@code since}. */
    List<LogLine> tail(String namespace, String function, int count, Instant since);

    /**
     * Calls {@code consumer} with every new line of a function from now on, until the returned
     * handle is closed.
     */
    AutoCloseable follow(String namespace, String function, Consumer<LogLine> consumer);

    @Override
    void close();
}
