package io.fissile.router.routes;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end of a template from its first parameter that may match '/' (say {@code {path:.*}}):
 * one regex over the rest of the path, as gorilla/mux would run it.
 */
final class TailPattern {
    private final Pattern pattern;
    private final String[] groups;
    private final boolean prefix;

    private TailPattern(Pattern pattern, String[] groups, boolean prefix) {
        this.pattern = pattern;
        this.groups = groups;
        this.prefix = prefix;
    }

    static TailPattern of(List<List<TemplatePart>> segments, RouteKind kind, boolean requiresTrailingSlash) {
        TemplateRegex regex = new TemplateRegex();
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) regex.appendSlash();
            regex.appendSegment(segments.get(i));
        }
        boolean prefix = kind == RouteKind.PREFIX;
        // A prefix ends on a segment boundary: before a '/' or at the end of the path.
        String boundary = !prefix ? "" : requiresTrailingSlash ? "(?=/)" : "(?=/|\\z)";
        return new TailPattern(regex.compile(boundary), regex.groupNames(), prefix);
    }

    /**
     * Matches the path from {@code start} on: all of it for an exact route, a part ending on a
     * segment boundary for a prefix. Returns where the match ends, or -1; on a match, adds the
     * parameter values to the search.
     */
    int match(String path, int start, RouteSearch search) {
        Matcher matcher = pattern.matcher(path).region(start, path.length());
        if (!(prefix ? matcher.lookingAt() : matcher.matches())) return -1;
        for (String group : groups) search.capture(matcher.group(group));
        return matcher.end();
    }
}
