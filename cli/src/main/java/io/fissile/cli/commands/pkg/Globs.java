package io.fissile.cli.commands.pkg;

import io.fissile.cli.commands.CliException;
import io.fissile.cli.commands.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Files named on the command line: plain paths, or globs such as {@code src/*.js} as Fission accepts them. */
final class Globs {
    private Globs() {
    }

    /** The files and directories the arguments name, relative to the working directory; each must name something. */
    static List<Path> expand(Session session, List<String> given) {
        List<Path> paths = new ArrayList<>();
        for (String argument : given) {
            List<Path> matched = isGlob(argument) ? match(session.workingDirectory(), argument) : List.of(session.path(argument));
            if (matched.isEmpty() || !matched.stream().allMatch(Files::exists)) {
                throw new CliException(isGlob(argument) ? "no files match \"" + argument + "\""
                        : "no such file or directory: " + argument);
            }
            paths.addAll(matched);
        }
        return paths;
    }

    static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> match(Path base, String glob) {
        Path pattern = base.resolve(glob).normalize();
        // Walk from the deepest directory that holds no glob characters.
        Path root = pattern.getRoot();
        for (Path part : pattern) {
            if (isGlob(part.toString())) break;
            root = root.resolve(part);
        }
        if (!Files.isDirectory(root)) return List.of();
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
        }
    }
}
