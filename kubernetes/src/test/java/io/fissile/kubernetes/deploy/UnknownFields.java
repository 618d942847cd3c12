package io.fissile.kubernetes.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fields a manifest has that its kind does not define: fabric8 keeps them aside (additionalProperties)
 * instead of failing, so a misspelt field ({@code selectr:}) would parse and then be ignored by Kubernetes.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    /** Each unknown field as "path: name", e.g. {@code spec: selectr}. */
    static List<String> of(Object object) {
        List<String> unknown = new ArrayList<>();
        collect(object, "", unknown);
        return unknown;
    }

    private static void collect(Object value, String path, List<String> unknown) {
        switch (value) {
            case null -> {
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) collect(list.get(i), path + "[" + i + "]", unknown);
            }
            case Map<?, ?> map -> map.forEach((key, item) -> collect(item, path + "." + key, unknown));
            default -> {
                if (value.getClass().getPackageName().startsWith(MODEL_PACKAGE)) collectFields(value, path, unknown);
            }
        }
    }

    private static void collectFields(Object object, String path, List<String> unknown) {
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(name -> unknown.add((path.isEmpty() ? "" : path.substring(1) + ": ") + name));
                }
            } else {
                collect(value, path + "." + field, unknown);
            }
        }
    }
}
