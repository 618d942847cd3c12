package io.fissile.runtime;

import java.util.Objects;

/**
 * Why an instance ended, for the executor's answer to a request the instance was serving and for
 * the function's log.
 *
 * @param kind what ended it
 * @param status the process's exit status ({@code 128 + signal} when a signal ended it)
 * @param message a short sentence for people, e.g. {@code ended for exceeding its memory limit of 128Mi}
 */
public record ExitReason(Kind kind, int status, String message) {

    public ExitReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public enum Kind {
        /** Stopped by the runtime on request ({@link Instance#stop}). */
        STOPPED,
        /** The process exited by itself. */
        EXITED,
        /** A signal from outside ended it (e.g. {@code kill -9}). */
        KILLED,
        /** Ended for exceeding its memory limit (by the kernel's OOM killer or the language runtime). */
        OUT_OF_MEMORY
    }

    public boolean outOfMemory() {
        return kind == Kind.OUT_OF_MEMORY;
    }
}
