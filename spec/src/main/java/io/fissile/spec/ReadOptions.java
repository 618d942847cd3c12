package io.fissile.spec;

import io.fissile.api.ObjectMeta;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to read a spec directory.
 *
 * @param specDir        the directory, as the user named it (relative paths are kept so that messages show them)
 * @param ignoreFile     the name of the ignore file inside it ({@value SpecReader#DEFAULT_IGNORE_FILE} unless given)
 * @param namespace      the namespace given to objects that name none
 * @param forceNamespace put every object in {@code namespace}, even those that name another
 */
public record ReadOptions(Path specDir, String ignoreFile, String namespace, boolean forceNamespace) {

    public ReadOptions {
        Objects.requireNonNull(specDir, "specDir");
        ignoreFile = ignoreFile == null || ignoreFile.isBlank() ? SpecReader.DEFAULT_IGNORE_FILE : ignoreFile;
        namespace = namespace == null || namespace.isBlank() ? ObjectMeta.DEFAULT_NAMESPACE : namespace;
    }

    /** The directory with the default ignore file and namespace. */
    public static ReadOptions of(Path specDir) {
        return new ReadOptions(specDir, null, null, false);
    }

    public ReadOptions withNamespace(String namespace, boolean force) {
        return new ReadOptions(specDir, ignoreFile, namespace, force);
    }

    public ReadOptions withIgnoreFile(String ignoreFile) {
        return new ReadOptions(specDir, ignoreFile, namespace, forceNamespace);
    }

    /** True when the ignore file was named by the user, so that its absence is an error. */
    public boolean customIgnoreFile() {
        return !SpecReader.DEFAULT_IGNORE_FILE.equals(ignoreFile);
    }
}
