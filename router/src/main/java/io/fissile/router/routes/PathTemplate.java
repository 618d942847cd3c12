package io.fissile.router.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A route's path template ({@code relativeurl} or {@code prefix}) split into the segments the trie
 * matches. Templates follow gorilla/mux, as Fission uses it: {@code {name}} matches one non-empty
 * segment or a part of one, {@code {name:regex}} what its regex matches (across '/' when the regex
 * allows it), anything else is literal text.
 * <p>
 * A prefix that ends with '/' ({@code /api/}) claims the paths beneath it but not {@code /api}
 * itself; without the '/' it claims both, as Fission registers it.
 */
public final class PathTemplate {
    private final String text;
    private final RouteKind kind;
    private final List<TemplateSegment> segments;
    private final TailPattern tail;
    private final List<String> parameterNames;
    private final boolean requiresTrailingSlash;

    private PathTemplate(String text, RouteKind kind, List<TemplateSegment> segments, TailPattern tail,
                         List<String> parameterNames, boolean requiresTrailingSlash) {
        this.text = text;
        this.kind = kind;
        this.segments = segments;
        this.tail = tail;
        this.parameterNames = parameterNames;
        this.requiresTrailingSlash = requiresTrailingSlash;
    }

    /**
     * @throws IllegalArgumentException if a brace is unbalanced, a parameter has no name, or its
     *                                  regex does not compile
     */
    public static PathTemplate parse(String template, RouteKind kind) {
        String path = template == null || template.isEmpty() ? "/" : template.startsWith("/") ? template : "/" + template;
        boolean requiresTrailingSlash = kind == RouteKind.PREFIX && path.endsWith("/");
        String matched = requiresTrailingSlash ? path.substring(0, path.length() - 1) : path;

        List<TemplateSegment> segments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<List<TemplatePart>> rawSegments = splitSegments(matched, template);
        TailPattern tail = null;
        try {
            for (int i = 0; i < rawSegments.size() && tail == null; i++) {
                List<TemplatePart> parts = rawSegments.get(i);
                List<TemplatePart.Variable> variables = variables(parts);
                if (variables.isEmpty()) {
                    segments.add(new LiteralSegment(parts.isEmpty() ? "" : ((TemplatePart.Literal) parts.get(0)).text()));
                } else if (variables.stream().allMatch(TemplatePart.Variable::staysInSegment)) {
                    boolean bare = parts.size() == 1 && variables.get(0).regex() == null;
                    segments.add(bare ? AnySegment.INSTANCE : RegexSegment.of(parts));
                    variables.forEach(v -> names.add(v.name()));
                } else {
                    List<List<TemplatePart>> rest = rawSegments.subList(i, rawSegments.size());
                    tail = TailPattern.of(rest, kind, requiresTrailingSlash);
                    rest.forEach(p -> variables(p).forEach(v -> names.add(v.name())));
                }
            }
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("\"" + template + "\": a parameter's regex is invalid: " + e.getDescription(), e);
        }
        return new PathTemplate(template, kind, List.copyOf(segments), tail, List.copyOf(names), requiresTrailingSlash);
    }

    /** The segments of {@code path} (which starts with '/'), split at the '/'s outside braces. */
    private static List<List<TemplatePart>> splitSegments(String path, String template) {
        List<List<TemplatePart>> segments = new ArrayList<>();
        if (path.isEmpty()) return segments;
        int start = 1;
        int depth = 0;
        for (int i = 1; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '{') depth++;
            else if (c == '}' && --depth < 0) throw new IllegalArgumentException("\"" + template + "\" has a '}' without its '{'");
            else if (c == '/' && depth == 0) {
                segments.add(parts(path.substring(start, i), template));
                start = i + 1;
            }
        }
        if (depth != 0) throw new IllegalArgumentException("\"" + template + "\" has a '{' without its '}'");
        return segments;
    }

    /** One segment's literal text and variables, in order. */
    private static List<TemplatePart> parts(String segment, String template) {
        List<TemplatePart> parts = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) != '{') {
                i++;
                continue;
            }
            if (i > literalStart) parts.add(new TemplatePart.Literal(segment.substring(literalStart, i)));
            int close = closingBrace(segment, i);
            String inner = segment.substring(i + 1, close);
            int colon = inner.indexOf(':');
            String name = (colon < 0 ? inner : inner.substring(0, colon)).strip();
            if (name.isEmpty()) throw new IllegalArgumentException("\"" + template + "\" has a parameter without a name");
            parts.add(new TemplatePart.Variable(name, colon < 0 ? null : inner.substring(colon + 1)));
            i = close + 1;
            literalStart = i;
        }
        if (literalStart < segment.length() || parts.isEmpty()) parts.add(new TemplatePart.Literal(segment.substring(literalStart)));
        return parts;
    }

    private static int closingBrace(String segment, int open) {
        int depth = 0;
        for (int i = open; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return i;
        }
        throw new IllegalStateException("unbalanced braces in " + segment);
    }

    private static List<TemplatePart.Variable> variables(List<TemplatePart> parts) {
        List<TemplatePart.Variable> variables = new ArrayList<>();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Variable variable) variables.add(variable);
        }
        return variables;
    }

    /** The template as written. */
    public String text() {
        return text;
    }

    public RouteKind kind() {
        return kind;
    }

    /** The parameters' names, in the order their values are captured. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    List<TemplateSegment> segments() {
        return segments;
    }

    /** The part matched against the rest of the path, or null. */
    TailPattern tail() {
        return tail;
    }

    /** A prefix written with a trailing '/': the path must go on beneath it. */
    boolean requiresTrailingSlash() {
        return requiresTrailingSlash;
    }

    @Override
    public String toString() {
        return text;
    }
}
