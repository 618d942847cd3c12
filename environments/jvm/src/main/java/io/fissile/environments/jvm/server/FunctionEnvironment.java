package io.fissile.environments.jvm.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Checks the {@code "env"} member of a v2 specialization: a JSON object of strings, the
 * function's own environment variables. Absent or {@code null} means none. Names must be usable
 * as process variables (not empty, no {@code =}, no NUL) and must not be ones the platform sets
 * itself: {@link #RESERVED} and those the runtime's {@link Specializer#reservesVariable} claims.
 */
final class FunctionEnvironment {

    static final String MEMBER = "env";

    /** The contract's variables, which the runtime reads, and the instance's own TMPDIR. */
    static final List<String> RESERVED = List.of("HOST", "PORT", "USERFUNC_DIR", "SECRETS_DIR", "CONFIGS_DIR", "TMPDIR");

    private FunctionEnvironment() {
    }

    /**
     * Returns the variables of an {@code "env"} member, in the order written.
     *
     * @throws IllegalArgumentException naming the member or variable that is wrong
     */
    static Map<String, String> of(Object member, Predicate<String> reservedByRuntime) {
        if (member == null) {
            return Map.of();
        }
        if (!(member instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("\"" + MEMBER + "\" must be an object of strings");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            String name = (String) entry.getKey();
            if (!(entry.getValue() instanceof String value)) {
                throw new IllegalArgumentException("\"" + MEMBER + "." + name + "\" must be a string");
            }
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("\"" + MEMBER + "\" has an invalid variable name \"" + name
                        + "\": names must be non-empty, without '=' or NUL");
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("\"" + MEMBER + "." + name + "\" must not contain NUL");
            }
            if (RESERVED.contains(name) || reservedByRuntime.test(name)) {
                throw new IllegalArgumentException("\"" + MEMBER + "\" must not set " + name
                        + ": the runtime reserves it (see docs/environments.md)");
            }
            variables.put(name, value);
        }
        return variables;
    }
}
