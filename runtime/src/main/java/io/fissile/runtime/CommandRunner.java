package io.fissile.runtime;

import java.io.IOException;

/**
 * Runs one-off commands (package builds) isolated from the server the way function instances are:
 * in a bubblewrap sandbox and a cgroup where the machine allows, ended with everything they started
 * when they pass their time limit.
 */
public interface CommandRunner {

    /**
     * Runs the command to its end and returns how it ended. Interrupting the calling thread ends the
     * command (with every process it started) and throws {@link InterruptedException}.
     *
     * @throws IOException when the command cannot be started
     */
    CommandResult run(CommandSpec spec) throws IOException, InterruptedException;

    /** Whether commands run in a sandbox. */
    boolean sandboxed();

    /** Why commands are not sandboxed (e.g. {@code bubblewrap is not installed}), or empty when they are. */
    String sandboxNote();
}
