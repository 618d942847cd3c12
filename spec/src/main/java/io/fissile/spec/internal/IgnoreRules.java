package io.fissile.spec.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of a {@code .specignore} file, which use {@code .gitignore} syntax: one glob a line,
 * {@code #} comments, {@code !} to re-include, a trailing {@code /} for directories only, and a
 * pattern with a {@code /} in it anchored at the spec directory. The last rule that matches wins.
 */
public final class IgnoreRules {
    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly) {
    }

    private static final IgnoreRules NONE = new IgnoreRules(List.of());

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = rules;
    }

    public static IgnoreRules none() {
        return NONE;
    }

    public static IgnoreRules read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static IgnoreRules parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.stripTrailing();
            if (line.isEmpty() || line.startsWith("#")) continue;
            boolean negated = line.startsWith("!");
            if (negated) line = line.substring(1);
            if (line.startsWith("\\#") || line.startsWith("\\!")) line = line.substring(1);
            boolean directoryOnly = line.endsWith("/");
            if (directoryOnly) line = line.substring(0, line.length() - 1);
            if (line.isEmpty()) continue;
            // Without a slash a pattern matches a name at any depth; with one it is anchored.
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) line = line.substring(1);
            String regex = (anchored ? "" : "(?:.*/)?") + Glob.toRegex(line);
            rules.add(new Rule(Pattern.compile(regex), negated, directoryOnly));
        }
        return new IgnoreRules(List.copyOf(rules));
    }

    /** Whether a file, given by its '/'-separated path relative to the spec directory, is ignored. */
    public boolean ignores(String relativePath) {
        boolean ignored = false;
        for (Rule rule : rules) {
            if (matches(rule, relativePath)) ignored = !rule.negated();
        }
        return ignored;
    }

    /** A rule matches the file itself or any directory it lies in. */
    private static boolean matches(Rule rule, String path) {
        if (!rule.directoryOnly() && rule.pattern().matcher(path).matches()) return true;
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (rule.pattern().matcher(path.substring(0, slash)).matches()) return true;
        }
        return false;
    }
}
