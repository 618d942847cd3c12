package io.fissile.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Kubernetes label selector: requirements joined by commas, each one of {@code key},
 * {@code !key}, {@code key=value} ({@code ==}), {@code key!=value}, {@code key in (a,b)} and
 * {@code key notin (a,b)}. All requirements must hold.
 */
public final class LabelSelector {
    private static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private final List<Requirement> requirements;

    private LabelSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    /** The selector that matches every object. */
    public static LabelSelector everything() {
        return EVERYTHING;
    }

    /** Parses a selector; null or blank selects everything. Throws IllegalArgumentException with the position of the problem. */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) return EVERYTHING;
        List<Requirement> requirements = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            requirements.add(Requirement.parse(part.trim(), text));
        }
        return new LabelSelector(List.copyOf(requirements));
    }

    /** A selector requiring each key to equal its value. */
    public static LabelSelector equalTo(Map<String, String> labels) {
        List<Requirement> requirements = labels.entrySet().stream()
                .map(e -> new Requirement(e.getKey(), Operator.IN, Set.of(e.getValue())))
                .toList();
        return new LabelSelector(requirements);
    }

    public boolean isEverything() {
        return requirements.isEmpty();
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(l));
    }

    @Override
    public String toString() {
        return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private enum Operator { EXISTS, NOT_EXISTS, IN, NOT_IN }

    private record Requirement(String key, Operator operator, Set<String> values) {
        static Requirement parse(String part, String whole) {
            if (part.isEmpty()) throw new IllegalArgumentException("empty requirement in label selector \"" + whole + "\"");
            if (part.startsWith("!")) {
                return new Requirement(key(part.substring(1).trim(), whole), Operator.NOT_EXISTS, Set.of());
            }
            int ne = part.indexOf("!=");
            if (ne > 0) {
                return new Requirement(key(part.substring(0, ne).trim(), whole), Operator.NOT_IN, Set.of(part.substring(ne + 2).trim()));
            }
            int eq = part.indexOf('=');
            if (eq > 0) {
                String value = part.substring(part.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
                return new Requirement(key(part.substring(0, eq).trim(), whole), Operator.IN, Set.of(value));
            }
            String[] words = part.split("\\s+", 3);
            if (words.length == 3 && (words[1].equals("in") || words[1].equals("notin"))) {
                String set = words[2].trim();
                if (!set.startsWith("(") || !set.endsWith(")")) {
                    throw new IllegalArgumentException("expected a parenthesised list after \"" + words[1] + "\" in label selector \"" + whole + "\"");
                }
                Set<String> values = new LinkedHashSet<>();
                for (String v : set.substring(1, set.length() - 1).split(",")) {
                    if (!v.isBlank()) values.add(v.trim());
                }
                return new Requirement(key(words[0], whole), words[1].equals("in") ? Operator.IN : Operator.NOT_IN, values);
            }
            if (words.length == 1) {
                return new Requirement(key(part, whole), Operator.EXISTS, Set.of());
            }
            throw new IllegalArgumentException("cannot read \"" + part + "\" in label selector \"" + whole + "\"");
        }

        private static String key(String key, String whole) {
            String problem = io.fissile.api.internal.Names.qualifiedName(key);
            if (problem != null) throw new IllegalArgumentException(problem + " (in label selector \"" + whole + "\")");
            return key;
        }

        boolean matches(Map<String, String> labels) {
            return switch (operator) {
                case EXISTS -> labels.containsKey(key);
                case NOT_EXISTS -> !labels.containsKey(key);
                case IN -> labels.containsKey(key) && values.contains(labels.get(key));
                case NOT_IN -> !labels.containsKey(key) || !values.contains(labels.get(key));
            };
        }

        @Override
        public String toString() {
            return switch (operator) {
                case EXISTS -> key;
                case NOT_EXISTS -> "!" + key;
                case IN -> values.size() == 1 ? key + "=" + values.iterator().next() : key + " in (" + String.join(",", values) + ")";
                case NOT_IN -> values.size() == 1 ? key + "!=" + values.iterator().next() : key + " notin (" + String.join(",", values) + ")";
            };
        }
    }
}
