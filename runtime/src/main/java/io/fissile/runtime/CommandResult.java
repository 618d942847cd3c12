package io.fissile.runtime;

import java.time.Duration;

/**
 * How a one-off command ended, and what it wrote.
 *
 * @param exit why it ended; for a command over its time limit, {@link ExitReason.Kind#KILLED} with a
 *             message that says so
 * @param timedOut it ran past its time limit and was ended, with every process it started
 * @param output the last bytes of its stdout and stderr together, in the order written (UTF-8)
 * @param cutBytes how many bytes of output were dropped from the start to keep within the limit
 * @param duration how long it ran
 * @param sandboxed whether it ran in a sandbox
 */
public record CommandResult(ExitReason exit, boolean timedOut, String output, long cutBytes, Duration duration,
                            boolean sandboxed) {

    /** Exited by itself with status 0. */
    public boolean succeeded() {
        return !timedOut && exit.kind() == ExitReason.Kind.EXITED && exit.status() == 0;
    }
}
