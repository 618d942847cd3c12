package io.fissile.environments.jvm.server;

import io.fissile.environments.jvm.http.HttpHandler;

/** Turns a generic runtime into one function's server: a runtime's single language-specific part. */
@FunctionalInterface
public interface Specializer {

    /**
     * Loads the code a request names and returns the handler that serves every later request.
     *
     * @throws SpecializationException when the code is missing or unusable
     */
    HttpHandler specialize(LoadRequest request) throws SpecializationException;

    /**
     * Whether the runtime sets the variable {@code name} itself, beyond the contract's, so that a
     * function's own variables must not: a specialization setting it is refused with 400.
     */
    default boolean reservesVariable(String name) {
        return false;
    }

    /**
     * Code of the runtime's own that {@link #specialize} accepts, so that a rehearsal at startup
     * runs specialization and a few requests once before the first real ones; {@code null} for
     * none. Its handler must answer a request whose body is the shell command {@code echo warm-up}.
     */
    default LoadRequest rehearsal() {
        return null;
    }
}
