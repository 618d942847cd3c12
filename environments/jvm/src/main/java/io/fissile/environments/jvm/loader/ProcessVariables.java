package io.fissile.environments.jvm.loader;

import io.fissile.environments.jvm.server.SpecializationException;
import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds a function's own variables to this JVM's environment, so that {@link System#getenv} and
 * the processes the function starts see them. The JVM copies its environment once, into the
 * private map of {@code java.lang.ProcessEnvironment}, and offers no way to change it: this class
 * writes into that map, which needs the runtime started with {@link #REQUIRED_JVM_FLAG}. Native
 * code calling getenv(3) still sees the environment the process started with.
 */
final class ProcessVariables {

    static final String REQUIRED_JVM_FLAG = "--add-opens=java.base/java.lang=ALL-UNNAMED";

    private ProcessVariables() {
    }

    /**
     * Sets and removes a variable once, at startup, while nothing else runs: the first reflective
     * calls and lambdas of a JVM cost milliseconds that would otherwise fall on a cold start.
     */
    static void prepare() {
        try {
            set(Map.of("FISSILE_PREPARING", "")).run();
        } catch (SpecializationException e) {
            // Reported by set, to the function that has variables.
        }
    }

    /**
     * Sets the variables; returns what puts back the previous ones, for a specialization that
     * fails afterwards. Called while nothing else reads the environment: before the function
     * serves any request.
     *
     * @throws SpecializationException when the JVM does not allow it (the flag is missing)
     */
    static Runnable set(Map<String, String> variables) throws SpecializationException {
        if (variables.isEmpty()) {
            return () -> { };
        }
        EnvironmentMap environment = EnvironmentMap.open();
        // Every entry made first, so that a failure leaves the environment as it was.
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            entries.put(environment.create(environment.nameOf, variable.getKey(), variable.getKey()),
                    environment.create(environment.valueOf, variable.getValue(), variable.getKey()));
        }
        List<Runnable> undo = new ArrayList<>();
        entries.forEach((name, value) -> {
            Object previous = environment.map.put(name, value);
            undo.add(previous == null ? () -> environment.map.remove(name) : () -> environment.map.put(name, previous));
        });
        return () -> undo.reversed().forEach(Runnable::run);
    }

    /** The JVM's own environment map, whose keys and values are byte strings of private classes. */
    private record EnvironmentMap(Map<Object, Object> map, Method nameOf, Method valueOf) {

        @SuppressWarnings("unchecked")
        static EnvironmentMap open() throws SpecializationException {
            try {
                Field field = Class.forName("java.lang.ProcessEnvironment").getDeclaredField("theEnvironment");
                field.setAccessible(true);
                return new EnvironmentMap((Map<Object, Object>) field.get(null),
                        factory("java.lang.ProcessEnvironment$Variable"), factory("java.lang.ProcessEnvironment$Value"));
            } catch (InaccessibleObjectException e) {
                throw new SpecializationException("cannot give the function its environment variables: the jvm runtime"
                        + " must be started with " + REQUIRED_JVM_FLAG, e);
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new SpecializationException("cannot give the function its environment variables on this JVM ("
                        + Runtime.version() + "): " + e, e);
            }
        }

        private static Method factory(String className) throws ReflectiveOperationException {
            Method method = Class.forName(className).getDeclaredMethod("valueOf", String.class);
            method.setAccessible(true);
            return method;
        }

        Object create(Method factory, String text, String variable) throws SpecializationException {
            try {
                return factory.invoke(null, text);
            } catch (ReflectiveOperationException e) {
                throw new SpecializationException("cannot set the environment variable " + variable + ": " + e.getCause(), e);
            }
        }
    }
}
