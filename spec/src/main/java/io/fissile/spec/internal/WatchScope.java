package io.fissile.spec.internal;

import io.fissile.api.v1.ArchiveUploadSpec;
import io.fissile.spec.Located;
import io.fissile.spec.SpecSet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The directories to watch for a spec directory: the directory itself, with its subdirectories,
 * and the directories the ArchiveUploadSpecs take files from, as deep as their globs reach.
 *
 * @param directories each directory and how many levels of subdirectories below it to watch too
 */
public record WatchScope(Map<Path, Integer> directories) {
    public static final int ALL_LEVELS = Integer.MAX_VALUE;

    public static WatchScope of(SpecSet specs) {
        Map<Path, Integer> directories = new TreeMap<>();
        add(directories, specs.specDir().toAbsolutePath().normalize(), ALL_LEVELS);
        for (Located<ArchiveUploadSpec> archive : specs.archives()) {
            Path root = ArchiveInputs.root(archive.value(), specs.projectDir());
            if (archive.value().include() == null) continue;
            for (String include : archive.value().include()) {
                addInclude(directories, root, include);
            }
        }
        return new WatchScope(Map.copyOf(directories));
    }

    private static void addInclude(Map<Path, Integer> directories, Path root, String include) {
        Glob glob;
        try {
            glob = Glob.compile(include);
        } catch (IllegalArgumentException e) {
            return; // validation reports the bad glob; there is nothing to watch for it
        }
        Path base = root.resolve(glob.base()).normalize();
        if (!glob.isLiteral()) {
            add(directories, base, glob.maxDepth() == Integer.MAX_VALUE ? ALL_LEVELS : glob.maxDepth() - 1);
            return;
        }
        if (Files.isDirectory(base)) add(directories, base, ALL_LEVELS);
        // The parent tells of the file being created, replaced or deleted.
        if (base.getParent() != null) add(directories, base.getParent(), 0);
    }

    private static void add(Map<Path, Integer> directories, Path dir, int levels) {
        if (Files.isDirectory(dir)) directories.merge(dir, levels, Math::max);
    }
}
