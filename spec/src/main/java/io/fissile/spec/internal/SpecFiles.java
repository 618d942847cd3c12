package io.fissile.spec.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The spec files of a directory: every {@code *.yaml} and {@code *.yml} beneath it, in subdirectories too, that is not ignored. */
public final class SpecFiles {
    private SpecFiles() {
    }

    /** The files in the order they are read: by path, so that every run reads them alike. */
    public static List<Path> list(Path specDir, IgnoreRules ignore) {
        try (Stream<Path> walk = Files.walk(specDir)) {
            return walk.filter(SpecFiles::isYaml)
                    .filter(Files::isRegularFile)
                    .filter(p -> !ignore.ignores(relative(specDir, p)))
                    .sorted(Comparator.comparing(p -> relative(specDir, p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the spec files in " + specDir + ": " + e.getMessage(), e);
        }
    }

    /** A path beneath the directory, '/'-separated. */
    public static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
