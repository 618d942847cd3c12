package io.fissile.kubernetes.deploy;

import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks values against the chart's values.schema.json as Helm does before rendering, for the
 * JSON Schema keywords that file uses: type, properties, required, additionalProperties (false),
 * enum, pattern, minLength, maxLength, minimum, maximum and local $ref. A keyword outside that set
 * fails, so the file cannot drift beyond what this checks.
 */
final class ValuesSchema {

    private static final List<String> KNOWN = List.of("title", "description", "type", "properties", "required",
            "additionalProperties", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "$ref", "definitions");

    private final Map<String, Object> root;

    @SuppressWarnings("unchecked")
    private ValuesSchema(Map<String, Object> root) {
        this.root = root;
    }

    @SuppressWarnings("unchecked")
    static ValuesSchema of(Path chartDir) {
        return new ValuesSchema(Serialization.jsonMapper().readValue(ChartRenderer.read(chartDir.resolve("values.schema.json")), Map.class));
    }

    /** Each problem as "path: what is wrong"; empty when the values are valid. */
    List<String> problems(Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        check(values, root, "values", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private void check(Object value, Map<String, Object> schema, String path, List<String> problems) {
        for (String keyword : schema.keySet()) {
            if (!KNOWN.contains(keyword)) throw new IllegalStateException("values.schema.json at " + path + ": unsupported keyword " + keyword);
        }
        if (schema.containsKey("$ref")) {
            check(value, resolve((String) schema.get("$ref")), path, problems);
            return;
        }
        String type = (String) schema.get("type");
        if (type != null && !hasType(value, type)) {
            problems.add(path + ": must be " + type + ", not " + (value == null ? "null" : value.getClass().getSimpleName()));
            return;
        }
        if (schema.containsKey("enum") && !((List<Object>) schema.get("enum")).contains(value)) {
            problems.add(path + ": must be one of " + schema.get("enum"));
        }
        if (value instanceof String text) {
            if (schema.containsKey("pattern") && !Pattern.compile((String) schema.get("pattern")).matcher(text).find()) {
                problems.add(path + ": \"" + text + "\" does not match " + schema.get("pattern"));
            }
            if (schema.containsKey("minLength") && text.length() < ((Number) schema.get("minLength")).intValue()) {
                problems.add(path + ": is shorter than " + schema.get("minLength"));
            }
            if (schema.containsKey("maxLength") && text.length() > ((Number) schema.get("maxLength")).intValue()) {
                problems.add(path + ": is longer than " + schema.get("maxLength"));
            }
        }
        if (value instanceof Number number) {
            if (schema.containsKey("minimum") && number.doubleValue() < ((Number) schema.get("minimum")).doubleValue()) {
                problems.add(path + ": is below " + schema.get("minimum"));
            }
            if (schema.containsKey("maximum") && number.doubleValue() > ((Number) schema.get("maximum")).doubleValue()) {
                problems.add(path + ": is above " + schema.get("maximum"));
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!map.containsKey(required)) problems.add(path + "." + required + ": is required");
            }
            map.forEach((key, item) -> {
                Object property = properties.get(key);
                if (property instanceof Map<?, ?> propertySchema) {
                    check(item, (Map<String, Object>) propertySchema, path + "." + key, problems);
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    problems.add(path + "." + key + ": is not a value of this chart");
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(String ref) {
        if (!ref.startsWith("#/")) throw new IllegalStateException("values.schema.json: only local $ref, not " + ref);
        Object current = root;
        for (String part : ref.substring(2).split("/")) current = ((Map<String, Object>) current).get(part);
        if (!(current instanceof Map<?, ?>)) throw new IllegalStateException("values.schema.json: " + ref + " leads nowhere");
        return (Map<String, Object>) current;
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map<?, ?>;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long;
            case "boolean" -> value instanceof Boolean;
            default -> throw new IllegalStateException("values.schema.json: unsupported type " + type);
        };
    }
}
