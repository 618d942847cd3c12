package io.fissile.router.routes;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A segment such as {@code {id:[0-9]+}} or {@code report-{year}.csv}, matched by one regex. */
final class RegexSegment extends SegmentPattern {
    private final Pattern pattern;
    private final String[] groups;

    private RegexSegment(Pattern pattern, String[] groups) {
        this.pattern = pattern;
        this.groups = groups;
    }

    static RegexSegment of(List<TemplatePart> parts) {
        TemplateRegex regex = new TemplateRegex();
        regex.appendSegment(parts);
        return new RegexSegment(regex.compile(""), regex.groupNames());
    }

    @Override
    boolean match(String path, int start, int end, RouteSearch search) {
        Matcher matcher = pattern.matcher(path).region(start, end);
        if (!matcher.matches()) return false;
        for (String group : groups) search.capture(matcher.group(group));
        return true;
    }

    @Override
    String shape() {
        return pattern.pattern();
    }

    @Override
    boolean constrained() {
        return true;
    }
}
