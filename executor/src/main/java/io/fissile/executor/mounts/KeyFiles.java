package io.fissile.executor.mounts;

import io.fissile.runtime.archive.FileTrees;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One secret's or config map's values as a directory of files, one per key. Each file is replaced by
 * a rename, so a function reading it sees the old value or the new, never half of one.
 */
public final class KeyFiles {

    /** Kubernetes' rule for the keys of secrets and config maps; it also keeps a key a plain file name. */
    private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final String TEMPORARY_PREFIX = "..writing-";

    private KeyFiles() {
    }

    /** Makes {@code dir} hold exactly {@code values}: new and changed keys written, removed keys deleted. */
    public static void replace(Path dir, Map<String, byte[]> values) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> entry : values.entrySet()) {
            String key = entry.getKey();
            if (!isPlainKey(key)) continue; // the API refuses such keys; never let one name a path
            Path temporary = dir.resolve(TEMPORARY_PREFIX + key);
            Files.write(temporary, entry.getValue());
            Files.move(temporary, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        try (DirectoryStream<Path> present = Files.newDirectoryStream(dir)) {
            for (Path file : present) {
                if (!values.containsKey(file.getFileName().toString())) FileTrees.delete(file);
            }
        }
    }

    /** Removes the directory of an object that no longer exists. */
    static void remove(Path dir) {
        FileTrees.delete(dir);
    }

    static boolean isPlainKey(String key) {
        return key != null && KEY.matcher(key).matches() && !key.equals(".") && !key.equals("..")
                && !key.startsWith(TEMPORARY_PREFIX);
    }
}
