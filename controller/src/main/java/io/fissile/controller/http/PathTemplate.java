package io.fissile.controller.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A path such as {@code /v2/functions/{name}/status}: literal segments, {@code {param}} segments
 * that match any one segment, and a final {@code *} that matches whatever remains.
 */
public final class PathTemplate {
    private static final String REST = "*";

    private final String text;
    private final List<String> segments;

    private PathTemplate(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    public static PathTemplate parse(String text) {
        List<String> segments = split(text);
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i).equals(REST)) throw new IllegalArgumentException("* must be last in " + text);
        }
        return new PathTemplate(text, segments);
    }

    /** The segments of a request path, percent-decoded; empty segments (doubled or trailing slashes) are dropped. */
    public static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (!raw.isEmpty()) segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return segments;
    }

    /** The values of the parameters when the path matches. */
    public Optional<Map<String, String>> match(List<String> path) {
        boolean open = !segments.isEmpty() && segments.getLast().equals(REST);
        int fixed = open ? segments.size() - 1 : segments.size();
        if (open ? path.size() < fixed : path.size() != fixed) return Optional.empty();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < fixed; i++) {
            String template = segments.get(i);
            if (template.startsWith("{") && template.endsWith("}")) {
                params.put(template.substring(1, template.length() - 1), path.get(i));
            } else if (!template.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    @Override
    public String toString() {
        return text;
    }
}
