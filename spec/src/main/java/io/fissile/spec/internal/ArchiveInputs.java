package io.fissile.spec.internal;

import io.fissile.api.v1.ArchiveUploadSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files an ArchiveUploadSpec packs. Its {@code include} globs (and {@code exclude} globs) are
 * relative to its {@code rootdir}, else to the project directory (the parent of the spec
 * directory). As in Fission, a matched file goes into the archive under its own name and a matched
 * directory with its contents; below a wildcard the path beneath the glob's fixed part is kept
 * ({@code src/**}{@code /*.js} packs {@code src/lib/a.js} as {@code lib/a.js}).
 */
public final class ArchiveInputs {

    /** A file and the name it has in the archive. */
    public record Entry(Path file, String name) {
    }

    /**
     * What an ArchiveUploadSpec packs: the entries sorted by name, and whether it is one file to
     * use as it is rather than to zip.
     */
    public record Inputs(Path root, List<Entry> entries, boolean singleFile) {
        /** The entries as a zip takes them: file by name in the archive. */
        public SortedMap<String, Path> filesByName() {
            SortedMap<String, Path> byName = new TreeMap<>();
            entries.forEach(e -> byName.put(e.name(), e.file()));
            return byName;
        }
    }

    private record Match(Path path, Path nameBase) {
    }

    private ArchiveInputs() {
    }

    /** The directory the globs are relative to. */
    public static Path root(ArchiveUploadSpec spec, Path projectDir) {
        String rootDir = spec.rootDir();
        return rootDir == null || rootDir.isEmpty() ? projectDir : projectDir.resolve(rootDir).normalize();
    }

    /** Resolves the globs; throws IllegalArgumentException saying why when nothing can be packed. */
    public static Inputs resolve(ArchiveUploadSpec spec, Path projectDir) {
        Path root = root(spec, projectDir);
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("rootdir " + root + " is not a directory");
        }
        List<Pattern> excludes = excludes(spec);
        List<Match> matches = new ArrayList<>();
        for (String include : spec.include() == null ? List.<String>of() : spec.include()) {
            matches.addAll(matches(root, include));
        }
        matches.removeIf(m -> excluded(root, m.path(), excludes));
        List<Entry> entries = entries(matches, root, excludes);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("matches no files (include " + spec.include()
                    + (spec.exclude() == null || spec.exclude().isEmpty() ? "" : ", exclude " + spec.exclude())
                    + ", relative to " + root + ")");
        }
        boolean single = matches.size() == 1 && Files.isRegularFile(matches.get(0).path());
        return new Inputs(root, entries, single);
    }

    private static List<Match> matches(Path root, String include) {
        Glob glob = Glob.compile(include);
        Path base = root.resolve(glob.base()).normalize();
        if (glob.isLiteral()) {
            Path parent = base.getParent() == null ? base : base.getParent();
            return Files.exists(base) ? List.of(new Match(base, parent)) : List.of();
        }
        if (!Files.isDirectory(base)) return List.of();
        try (Stream<Path> walk = Files.walk(base, glob.maxDepth())) {
            return walk.filter(p -> !p.equals(base))
                    .filter(p -> glob.matchesBelowBase(SpecFiles.relative(base, p)))
                    .sorted()
                    .map(p -> new Match(p, base))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + base + ": " + e.getMessage(), e);
        }
    }

    /** Expands directories into their files, drops excluded ones, names each once, sorts by name. */
    private static List<Entry> entries(List<Match> matches, Path root, List<Pattern> excludes) {
        Map<Path, Entry> byFile = new LinkedHashMap<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Match match : matches) {
            for (Path file : filesOf(match.path())) {
                if (byFile.containsKey(file) || excluded(root, file, excludes)) continue;
                String name = SpecFiles.relative(match.nameBase(), file);
                Path other = byName.putIfAbsent(name, file);
                if (other != null) {
                    throw new IllegalArgumentException("two files would be packed as \"" + name + "\": " + other + " and " + file);
                }
                byFile.put(file, new Entry(file, name));
            }
        }
        return byFile.values().stream().sorted(Comparator.comparing(Entry::name)).toList();
    }

    private static List<Path> filesOf(Path path) {
        if (!Files.isDirectory(path)) return Files.isRegularFile(path) ? List.of(path) : List.of();
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<Pattern> excludes(ArchiveUploadSpec spec) {
        if (spec.exclude() == null) return List.of();
        return spec.exclude().stream()
                .map(e -> e.startsWith("/") ? e.substring(1) : e)
                .map(e -> Pattern.compile(Glob.toRegex(e)))
                .toList();
    }

    /** A path is excluded when an exclude glob matches it or a directory it lies in (relative to the root). */
    private static boolean excluded(Path root, Path path, List<Pattern> excludes) {
        if (excludes.isEmpty() || !path.startsWith(root)) return false;
        String relative = SpecFiles.relative(root, path);
        for (Pattern exclude : excludes) {
            if (exclude.matcher(relative).matches()) return true;
            for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
                if (exclude.matcher(relative.substring(0, slash)).matches()) return true;
            }
        }
        return false;
    }
}
