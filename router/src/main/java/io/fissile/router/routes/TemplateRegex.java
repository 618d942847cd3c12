package io.fissile.router.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns template parts into one regex: literal text quoted, each variable a named group (named,
 * so that groups inside a parameter's own regex cannot shift the numbering).
 */
final class TemplateRegex {
    private final StringBuilder regex = new StringBuilder();
    private final List<String> groupNames = new ArrayList<>();

    void appendSegment(List<TemplatePart> parts) {
        for (TemplatePart part : parts) {
            switch (part) {
                case TemplatePart.Literal literal -> regex.append(Pattern.quote(literal.text()));
                case TemplatePart.Variable variable -> {
                    String group = "p" + groupNames.size();
                    groupNames.add(group);
                    regex.append("(?<").append(group).append('>').append(variable.pattern()).append(')');
                }
            }
        }
    }

    void appendSlash() {
        regex.append('/');
    }

    /** @throws java.util.regex.PatternSyntaxException if a parameter's regex is invalid */
    Pattern compile(String suffix) {
        return Pattern.compile(regex + suffix);
    }

    String[] groupNames() {
        return groupNames.toArray(String[]::new);
    }
}
